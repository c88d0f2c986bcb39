"""Policy elements: Action and NotAction (wildcards, case-insensitive), Resource and NotResource (ARN segments,
wildcards, actions without resource-level permissions), NotPrincipal and its recommended replacement."""

from casekit import *  # noqa: F401,F403
import sources as src


def build():
    c = Corpus("aws-docs-elements.jsonl", "elem")
    n = iter(range(1, 1000))
    alice = user("alice")

    def add(description, source, quote, expected, *, principal=alice, action, resource, identity=None, **kw):
        c.add(next(n), description, source, quote, principal=principal, action=action, resource=resource,
              identity=identity, expected=expected, **kw)

    # ---- Action -----------------------------------------------------------------------------------------------
    access_keys = [policy(allow("iam:*AccessKey*", "*"))]
    wildcard_part = ("the following Action element applies to all IAM actions that include the string AccessKey, "
                     "including CreateAccessKey, DeleteAccessKey, ListAccessKeys, and UpdateAccessKey.")
    add("iam:*AccessKey* covers CreateAccessKey", src.ACTION, wildcard_part, ALLOWED, action="iam:CreateAccessKey",
        resource=user("bob"), identity=access_keys)
    add("iam:*AccessKey* covers ListAccessKeys", src.ACTION, wildcard_part, ALLOWED, action="iam:ListAccessKeys",
        resource=user("bob"), identity=access_keys)
    add("iam:*AccessKey* does not cover ListUsers", src.ACTION, wildcard_part, IMPLICIT, action="iam:ListUsers",
        resource="*", wildcard_only=True, identity=access_keys)
    add("The action prefix and name are case insensitive", src.ACTION,
        "The prefix and the action name are case insensitive. For example, iam:ListAccessKeys is the same as IAM:listaccesskeys.",
        ALLOWED, action="iam:ListAccessKeys", resource=user("bob"), identity=[policy(allow("IAM:listaccesskeys", "*"))])
    add("A wildcard in an action name is case insensitive too", src.ACTION,
        "The prefix and the action name are case insensitive.",
        ALLOWED, action="iam:CreateAccessKey", resource=user("bob"), identity=[policy(allow("iam:*accesskey*", "*"))])
    add("s3:* covers every Amazon S3 action", src.ACTION,
        "You can use a wildcard (*) to give access to all the actions the specific AWS product offers.",
        ALLOWED, action="s3:PutBucketPolicy", resource="arn:aws:s3:::amzn-s3-demo-bucket",
        identity=[policy(allow("s3:*", "*"))])
    add("s3:* does not cover another service", src.ACTION,
        "For example, the following Action element applies to all S3 actions.",
        IMPLICIT, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1",
        identity=[policy(allow("s3:*", "*"))])
    several = [policy(allow(["sqs:SendMessage", "sqs:ReceiveMessage", "ec2:StartInstances", "iam:ChangePassword",
                             "s3:GetObject"], "*"))]
    add("Several actions in one Action element: one of them matches", src.ACTION,
        "You can specify multiple values for the Action element.", ALLOWED, action="ec2:StartInstances",
        resource=f"arn:aws:ec2:us-east-2:{ACCT}:instance/i-0123456789abcdef0", identity=several)
    add("Several actions in one Action element: none matches", src.ACTION,
        "You can specify multiple values for the Action element.", IMPLICIT, action="ec2:StopInstances",
        resource=f"arn:aws:ec2:us-east-2:{ACCT}:instance/i-0123456789abcdef0", identity=several)
    add("A wildcard does not cross into another service's prefix", src.ACTION,
        "You specify a value using a namespace that identifies a service (iam, ec2 sqs, sns, s3, etc.) followed by the name of the action to allow or deny.",
        IMPLICIT, action="iam:GetUser", resource=user("bob"), identity=[policy(allow("s3:Get*", "*"))])

    # ---- NotAction --------------------------------------------------------------------------------------------
    not_iam = [policy(allow(None, "*", not_action="iam:*"))]
    add("Allow with NotAction iam:*: an Amazon S3 action is allowed", src.NOT_ACTION,
        "The following example allows users to access every action in every AWS service except for IAM.",
        ALLOWED, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt", identity=not_iam)
    add("Allow with NotAction iam:*: an IAM action is not allowed", src.NOT_ACTION,
        "The following example allows users to access every action in every AWS service except for IAM.",
        IMPLICIT, action="iam:CreateUser", resource=user("mallory"), identity=not_iam)
    s3_not_delete = [policy(allow(None, "arn:aws:s3:::*", not_action="s3:DeleteBucket"))]
    add("NotAction s3:DeleteBucket on arn:aws:s3:::*: writing an object is allowed", src.NOT_ACTION,
        "The following example allows users to access all of the Amazon S3 actions that can be performed on any S3 resource except for deleting a bucket.",
        ALLOWED, action="s3:PutObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt", identity=s3_not_delete)
    add("NotAction s3:DeleteBucket on arn:aws:s3:::*: deleting a bucket is not allowed", src.NOT_ACTION,
        "except for deleting a bucket.",
        IMPLICIT, action="s3:DeleteBucket", resource="arn:aws:s3:::amzn-s3-demo-bucket", identity=s3_not_delete)
    add("NotAction s3:DeleteBucket on arn:aws:s3:::*: another service's resources are not covered", src.NOT_ACTION,
        "This policy also does not allow actions in other services, because other service actions are not applicable to the S3 resources.",
        IMPLICIT, action="dynamodb:GetItem", resource=f"arn:aws:dynamodb:us-east-2:{ACCT}:table/books_table",
        identity=s3_not_delete)
    mfa = [policy(allow("*", "*")),
           policy(deny(None, "*", not_action="iam:*", sid="DenyAllUsersNotUsingMFA",
                       condition={"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}))]
    add("Deny NotAction iam:* without MFA: a non-IAM action is denied", src.NOT_ACTION,
        "The following conditional example denies access to non-IAM actions if the user is not signed in using MFA.",
        EXPLICIT, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt",
        context={"aws:MultiFactorAuthPresent": boolean(False)}, identity=mfa)
    add("Deny NotAction iam:* without MFA: an IAM action is not denied", src.NOT_ACTION,
        "it would only explicitly deny all other actions except IAM actions.",
        ALLOWED, action="iam:ChangePassword", resource=user("alice"),
        context={"aws:MultiFactorAuthPresent": boolean(False)}, identity=mfa)
    add("Deny NotAction iam:* with MFA: the condition fails and the Deny has no effect", src.NOT_ACTION,
        "If the user is signed in with MFA, then the \"Condition\" test fails and the final \"Deny\" statement has no effect.",
        ALLOWED, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt",
        context={"aws:MultiFactorAuthPresent": boolean(True)}, identity=mfa)
    add("Deny NotAction iam:* with long-term keys (no MFA key): BoolIfExists makes the Deny apply", src.OPERATORS,
        "If the key is not present, evaluate the condition element as true.",
        EXPLICIT, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt", identity=mfa)
    add("Deny NotAction iam:* alone grants nothing", src.NOT_ACTION,
        "Note, however, that this would not grant the user access to any actions",
        IMPLICIT, action="iam:ChangePassword", resource=user("alice"),
        context={"aws:MultiFactorAuthPresent": boolean(True)}, identity=mfa[1:])

    # ---- Resource ---------------------------------------------------------------------------------------------
    accounting = [policy(allow("iam:GetUser", f"arn:aws:iam::{ACCT}:user/accounting/*"))]
    add("A path wildcard: a user under /accounting/", src.RESOURCE,
        "The following example refers to all IAM users whose path is /accounting.",
        ALLOWED, action="iam:GetUser", resource=f"arn:aws:iam::{ACCT}:user/accounting/bob", identity=accounting)
    add("A path wildcard: a user outside /accounting/", src.RESOURCE,
        "The following example refers to all IAM users whose path is /accounting.",
        IMPLICIT, action="iam:GetUser", resource=f"arn:aws:iam::{ACCT}:user/bob", identity=accounting)
    corp = [policy(allow("s3:*", "arn:aws:s3:::my_corporate_bucket/*"))]
    add("bucket/* covers an object in the bucket", src.RESOURCE,
        "The following example refers to all items within a specific Amazon S3 bucket.",
        ALLOWED, action="s3:GetObject", resource="arn:aws:s3:::my_corporate_bucket/2024/q1.csv", identity=corp)
    add("bucket/* does not cover the bucket itself", src.RESOURCE,
        "The following example refers to all items within a specific Amazon S3 bucket.",
        IMPLICIT, action="s3:ListBucket", resource="arn:aws:s3:::my_corporate_bucket", identity=corp)
    tables = [policy(allow("dynamodb:*", [f"arn:aws:dynamodb:us-east-2:{ACCT}:table/books_table",
                                         f"arn:aws:dynamodb:us-east-2:{ACCT}:table/magazines_table"]))]
    add("Two tables in one Resource element: the second one", src.RESOURCE,
        "You can specify multiple resources. The following example refers to two DynamoDB tables.",
        ALLOWED, action="dynamodb:GetItem", resource=f"arn:aws:dynamodb:us-east-2:{ACCT}:table/magazines_table",
        identity=tables)
    add("Two tables in one Resource element: a third table", src.RESOURCE,
        "You can specify multiple resources.",
        IMPLICIT, action="dynamodb:GetItem", resource=f"arn:aws:dynamodb:us-east-2:{ACCT}:table/journals_table",
        identity=tables)
    qmark = [policy(allow("sqs:*", f"arn:aws:sqs:us-east-2:{ACCT}:queue?"))]
    add("? in a resource ARN matches one character", src.RESOURCE,
        "An asterisk (*) represents any combination of characters and a question mark (?) represents any single character.",
        ALLOWED, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1", identity=qmark)
    add("? in a resource ARN does not match two characters", src.RESOURCE,
        "a question mark (?) represents any single character.",
        IMPLICIT, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue10", identity=qmark)
    add("The IAM user name in a Resource ARN is case sensitive", src.RESOURCE,
        "In the Resource element, the IAM user name is case sensitive.",
        IMPLICIT, action="iam:GetUser", resource=user("bob"), identity=[policy(allow("iam:GetUser", user("Bob")))])
    deep = [policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"))]
    add("* inside the resource part spans slashes", src.RESOURCE,
        "An asterisk (*) represents any combination of characters and a question mark (?) represents any single character.",
        ALLOWED, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/object.jpg", identity=deep)
    add("*/test/* needs a test folder somewhere in the key", src.RESOURCE,
        "You can use multiple * or ? characters in each segment.",
        IMPLICIT, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/1/2/object.jpg", identity=deep)
    add("A * ending the last segment of a short pattern matches past the colons", src.RESOURCE,
        "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon boundaries.",
        ALLOWED, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1",
        identity=[policy(allow("sqs:*", "arn:aws:sqs:*"))])
    regions = [policy(allow("sqs:*", f"arn:aws:sqs:*:{ACCT}:queue1"))]
    add("A * alone in the region segment matches any Region", src.RESOURCE,
        "You can use wildcard characters (* and ?) within the individual segments of an ARN (the parts separated by colons)",
        ALLOWED, action="sqs:SendMessage", resource=f"arn:aws:sqs:eu-west-1:{ACCT}:queue1", identity=regions)
    add("A * in the region segment does not relax the account segment", src.RESOURCE,
        "You can use wildcard characters (* and ?) within the individual segments of an ARN (the parts separated by colons)",
        IMPLICIT, action="sqs:SendMessage", resource=f"arn:aws:sqs:eu-west-1:{OTHER}:queue1", account=OTHER,
        identity=regions, resource_policy=policy(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{OTHER}:queue1",
                                                       principal=aws(ACCT))),
        notes="Cross-account queue whose policy grants the caller's account: only the identity policy can fail.")
    add("An action without resource-level permissions is not covered by an instance ARN", src.RESOURCE,
        "Some services do not let you specify actions for individual resources; instead, any actions that you list in the Action or NotAction element apply to all resources in that service. In these cases, you use the wildcard * in the Resource element.",
        IMPLICIT, action="ec2:DescribeInstances", resource="*", wildcard_only=True,
        identity=[policy(allow("ec2:DescribeInstances", f"arn:aws:ec2:*:{ACCT}:instance/*"))])
    add("An action without resource-level permissions is covered by Resource *", src.RESOURCE,
        "In these cases, you use the wildcard * in the Resource element.",
        ALLOWED, action="ec2:DescribeInstances", resource="*", wildcard_only=True,
        identity=[policy(allow("ec2:DescribeInstances", "*"))])

    # ---- NotResource ------------------------------------------------------------------------------------------
    payroll = [policy(allow("s3:*", "*")),
               policy(deny("s3:*", not_resource=["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]))]
    add("Deny with NotResource: the Payroll folder is excluded from the Deny", src.NOT_RESOURCE,
        "Members of HRPayroll should not be allowed to access any Amazon S3 resources except the Payroll folder in the HRBucket bucket.",
        ALLOWED, action="s3:GetObject", resource="arn:aws:s3:::HRBucket/Payroll/june.csv", identity=payroll)
    add("Deny with NotResource: another folder of the same bucket is denied", src.NOT_RESOURCE,
        "The following policy explicitly denies access to all Amazon S3 resources other than the listed resources.",
        EXPLICIT, action="s3:GetObject", resource="arn:aws:s3:::HRBucket/Benefits/june.csv", identity=payroll)
    add("Deny with NotResource: another bucket is denied", src.NOT_RESOURCE,
        "If you use a NotResource element instead, users are automatically denied access to new folders unless you add the folder names to the NotResource element.",
        EXPLICIT, action="s3:PutObject", resource="arn:aws:s3:::marketing/plan.txt", identity=payroll)
    add("Deny with NotResource limited to s3:*: other services are not denied", src.NOT_RESOURCE,
        "Using the NotResource element and \"Effect\": \"Deny\" in the same statement denies access to all resources, for the services specified in the statement, that are not explicitly listed.",
        ALLOWED, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1",
        identity=[policy(allow("*", "*")), payroll[1]])
    add("Deny with NotResource grants nothing by itself", src.NOT_RESOURCE,
        "Note, however, that this policy does not grant the user access to any resources",
        IMPLICIT, action="s3:GetObject", resource="arn:aws:s3:::HRBucket/Payroll/june.csv", identity=payroll[1:])
    public = [policy(allow("s3:GetObject", not_resource="arn:aws:s3:::secret-bucket/*"))]
    add("Allow with NotResource: a resource that is not listed", src.NOT_RESOURCE,
        "NotResource with \"Effect\": \"Allow\" allows all resources for the services in the statement, that are not explicitly listed",
        ALLOWED, action="s3:GetObject", resource="arn:aws:s3:::public-bucket/index.html", identity=public)
    add("Allow with NotResource: the listed resource", src.NOT_RESOURCE,
        "NotResource is an advanced policy element that explicitly matches all resources, for the specified services, except for the resources listed in the statement.",
        IMPLICIT, action="s3:GetObject", resource="arn:aws:s3:::secret-bucket/keys.txt", identity=public)

    # ---- NotPrincipal -----------------------------------------------------------------------------------------
    bob = user("Bob", OTHER)
    bucket = "arn:aws:s3:::BUCKETNAME"
    not_bob = deny("s3:*", [bucket, bucket + "/*"], not_principal=aws(user("Bob", OTHER), root(OTHER)))
    grant = allow("s3:GetObject", bucket + "/*", principal=aws(OTHER))
    s3_get = policy(allow("s3:GetObject", "*"))
    example_quote = ("In the following example, all principals except the user named Bob in AWS account 444455556666 "
                     "are explicitly denied access to a resource.")
    add("NotPrincipal Deny: Bob is not denied, and another statement allows him", src.NOT_PRINCIPAL,
        "This example by itself does not grant access to Bob, it only omits Bob from the list of principals that are explicitly denied. To allow Bob access to the resource, another policy statement must explicitly allow access",
        ALLOWED, principal=bob, action="s3:GetObject", resource=bucket + "/a.txt", identity=[s3_get],
        resource_policy=policy(not_bob, grant))
    add("NotPrincipal Deny: another user of Bob's account is denied", src.NOT_PRINCIPAL, example_quote, EXPLICIT,
        principal=user("Alice", OTHER), action="s3:GetObject", resource=bucket + "/a.txt", identity=[s3_get],
        resource_policy=policy(not_bob, grant))
    add("NotPrincipal Deny: a user of a third account is denied", src.NOT_PRINCIPAL, example_quote, EXPLICIT,
        principal=user("carol", THIRD), action="s3:GetObject", resource=bucket + "/a.txt", identity=[s3_get],
        resource_policy=policy(not_bob, allow("s3:GetObject", bucket + "/*", principal=aws(THIRD))))
    add("NotPrincipal Deny: an anonymous caller is denied", src.NOT_PRINCIPAL, example_quote, EXPLICIT, principal=None,
        action="s3:GetObject", resource=bucket + "/a.txt",
        resource_policy=policy(not_bob, allow("s3:GetObject", bucket + "/*", principal="*")), tags=["anonymous"])
    add("NotPrincipal Deny applies only to the actions it lists", src.NOT_PRINCIPAL,
        "When you use NotPrincipal in the same policy statement as \"Effect\": \"Deny\", the actions specified in the policy statement are explicitly denied to all principals except for the ones specified.",
        ALLOWED, principal=user("Alice", OTHER), action="sqs:SendMessage",
        resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1", identity=[policy(allow("sqs:SendMessage", "*"))],
        resource_policy=policy(deny("s3:*", "*", not_principal=aws(user("Bob", OTHER), root(OTHER))),
                               allow("sqs:SendMessage", "*", principal=aws(OTHER))))
    audit = session("cross-account-read-only-role", "cross-account-audit-app", OTHER)
    audit_bucket = "arn:aws:s3:::Bucket_AccountAudit"
    not_audit = deny("s3:*", [audit_bucket, audit_bucket + "/*"],
                     not_principal=aws(audit, role("cross-account-read-only-role", OTHER), root(OTHER)))
    role_quote = ("In the following example, all principals except the assumed-role user named "
                  "cross-account-audit-app in AWS account 444455556666 are explicitly denied access to a resource.")
    add("NotPrincipal Deny naming a session, its role and its account: that session is not denied", src.NOT_PRINCIPAL,
        role_quote, ALLOWED, principal=audit, action="s3:GetObject", resource=audit_bucket + "/log.txt",
        identity=[s3_get], resource_policy=policy(not_audit, allow("s3:GetObject", audit_bucket + "/*",
                                                                   principal=aws(OTHER))))
    add("NotPrincipal Deny naming a session, its role and its account: another session of the role is denied",
        src.NOT_PRINCIPAL, role_quote, EXPLICIT,
        principal=session("cross-account-read-only-role", "someone-else", OTHER), action="s3:GetObject",
        resource=audit_bucket + "/log.txt", identity=[s3_get],
        resource_policy=policy(not_audit, allow("s3:GetObject", audit_bucket + "/*", principal=aws(OTHER))))
    add("NotPrincipal Deny always denies a principal that has a permissions boundary", src.BOUNDARIES,
        "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions boundary policy attached, regardless of the values specified in the NotPrincipal element.",
        EXPLICIT, principal=bob, action="s3:GetObject", resource=bucket + "/a.txt", identity=[s3_get],
        boundary=policy(allow("s3:*", "*")), resource_policy=policy(not_bob, grant))
    except_user = policy(deny("s3:*", [bucket + "/*", bucket], principal="*", sid="UsePrincipalArnInsteadOfNotPrincipalWithDeny",
                              condition={"ArnNotEquals": {"aws:PrincipalArn": f"arn:aws:iam::{OTHER}:user/user-name"}}),
                         allow("s3:GetObject", bucket + "/*", principal=aws(OTHER)))
    instead = ("The following example shows a resource-based policy that can be used instead of NotPrincipal With "
               "Deny to explicitly deny all principals except for the ones specified in the Condition element.")
    add("Deny with Principal \"*\" and ArnNotEquals: the named user is not denied", src.PRINCIPAL, instead, ALLOWED,
        principal=user("user-name", OTHER), action="s3:GetObject", resource=bucket + "/a.txt",
        context={"aws:PrincipalArn": arn(user("user-name", OTHER))}, identity=[s3_get], resource_policy=except_user)
    add("Deny with Principal \"*\" and ArnNotEquals: another user is denied", src.PRINCIPAL, instead, EXPLICIT,
        principal=user("other-user", OTHER), action="s3:GetObject", resource=bucket + "/a.txt",
        context={"aws:PrincipalArn": arn(user("other-user", OTHER))}, identity=[s3_get], resource_policy=except_user)
    return c
