"""Evaluation logic: single account, cross-account, explicit and implicit denies, principal kinds in resource-based
policies, the root user, anonymous callers and service principals."""

from casekit import *  # noqa: F401,F403
import sources as src


def build():
    c = Corpus("aws-docs-evaluation.jsonl", "eval")
    alice = user("alice")
    bucket_obj = "arn:aws:s3:::amzn-s3-demo-bucket/report.csv"
    bucket = "arn:aws:s3:::amzn-s3-demo-bucket"
    get_any = policy(allow("s3:GetObject", "*"))

    # ---- the basics ------------------------------------------------------------------------------------------
    c.add(1, "An identity-based policy alone allows the request", src.EVAL_LOGIC,
          "If only identity-based policies apply to a request, then AWS checks all of those policies for at least one Allow.",
          principal=alice, action="s3:GetObject", resource=bucket_obj, identity=[get_any], expected=ALLOWED)
    c.add(2, "A user with no policy at all is implicitly denied", src.DENY_ALLOW,
          "By default, all requests are implicitly denied with the exception of the AWS account root user, which has full access.",
          principal=alice, action="s3:GetObject", resource=bucket_obj, expected=IMPLICIT)
    c.add(3, "Allow and Deny for the same request in one identity policy: the Deny wins", src.EXPLICIT_IMPLICIT,
          "If policies that apply to a request include an Allow statement and a Deny statement, the Deny statement trumps the Allow statement.",
          principal=alice, action="s3:GetObject", resource=bucket_obj,
          identity=[policy(allow("s3:*", "*"), deny("s3:GetObject", bucket + "/*"))], expected=EXPLICIT)
    c.add(4, "A policy that allows only another action leaves the request implicitly denied", src.EXPLICIT_IMPLICIT,
          "An implicit denial occurs when there is no applicable Deny statement but also no applicable Allow statement.",
          principal=alice, action="s3:PutObject", resource=bucket_obj, identity=[get_any], expected=IMPLICIT)
    c.add(5, "Of two identity policies, the second one allows: policies are ORed", src.POLICIES,
          "If multiple policies apply to a request, AWS applies a logical OR across all of those policies when evaluating them.",
          principal=alice, action="s3:PutObject", resource=bucket_obj,
          identity=[get_any, policy(allow("s3:PutObject", bucket + "/*"))], expected=ALLOWED)
    c.add(6, "The third statement of a policy allows: statements are ORed", src.POLICIES,
          "If a policy includes multiple statements, AWS applies a logical OR across the statements when evaluating them.",
          principal=alice, action="s3:ListAllMyBuckets", resource="*", wildcard_only=True,
          identity=[policy(allow("iam:ChangePassword", "*", sid="FirstStatement"),
                           allow("ec2:DescribeInstances", "*", sid="SecondStatement"),
                           allow("s3:ListAllMyBuckets", "*", sid="ThirdStatement"))], expected=ALLOWED)

    # The three-statement example with an MFA condition.
    mfa_policy = policy(
        allow(["iam:ChangePassword"], "*", sid="FirstStatement"),
        allow("s3:ListAllMyBuckets", "*", sid="SecondStatement"),
        allow(["s3:List*", "s3:Get*"], ["arn:aws:s3:::confidential-data", "arn:aws:s3:::confidential-data/*"],
              sid="ThirdStatement", condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}))
    mfa_quote = ("When a policy statement contains a Condition element, the statement is only in effect when the "
                 "Condition element evaluates to true.")
    c.add(7, "Confidential bucket read with MFA: the conditional statement applies", src.POLICIES, mfa_quote,
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::confidential-data/plan.txt",
          context={"aws:MultiFactorAuthPresent": boolean(True)}, identity=[mfa_policy], expected=ALLOWED)
    c.add(8, "Confidential bucket read without MFA: the conditional statement does not apply", src.POLICIES,
          "If the user is not MFA-authenticated, this Condition evaluates to false.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::confidential-data/plan.txt",
          context={"aws:MultiFactorAuthPresent": boolean(False)}, identity=[mfa_policy], expected=IMPLICIT)
    c.add(9, "Confidential bucket read with long-term keys (no MFA key in the context)", src.OPERATORS,
          "If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::confidential-data/plan.txt",
          identity=[mfa_policy], expected=IMPLICIT)

    # ---- explicit and implicit denies: the AllowGetList / DenyReports example ----------------------------------
    reports = policy(allow(["iam:Get*", "iam:List*"], "*", sid="AllowGetList"),
                     deny("iam:*Report", "*", sid="DenyReports"))
    c.add(10, "AllowGetList allows iam:GetUser", src.EXPLICIT_IMPLICIT,
          "The AllowGetList statement allows read-only access to IAM actions that begin with the prefixes Get and List.",
          principal=alice, action="iam:GetUser", resource=user("bob"), identity=[reports], expected=ALLOWED)
    c.add(11, "iam:CreatePolicy is neither allowed nor denied: implicit deny", src.EXPLICIT_IMPLICIT,
          "All other actions in IAM, such as iam:CreatePolicy are implicitly denied.",
          principal=alice, action="iam:CreatePolicy", resource=f"arn:aws:iam::{ACCT}:policy/p", identity=[reports],
          expected=IMPLICIT)
    c.add(12, "iam:GetOrganizationsAccessReport matches both Get* and *Report: explicit deny", src.EXPLICIT_IMPLICIT,
          "The DenyReports statement explicitly denies access to IAM reports by denying access to actions that include the Report suffix, such as iam:GetOrganizationsAccessReport.",
          principal=alice, action="iam:GetOrganizationsAccessReport", resource="*", wildcard_only=True,
          identity=[reports], expected=EXPLICIT)
    c.add(13, "Another policy that allows iam:GenerateCredentialReport does not lift the explicit deny",
          src.EXPLICIT_IMPLICIT,
          "If someone adds another policy to this principal to grant them access to IAM reports, such as iam:GenerateCredentialReport, report-related requests are still denied because of this explicit deny.",
          principal=alice, action="iam:GenerateCredentialReport", resource="*", wildcard_only=True,
          identity=[reports, policy(allow("iam:GenerateCredentialReport", "*"))], expected=EXPLICIT)

    # ---- Carlos, single account ---------------------------------------------------------------------------------
    carlos_acct = "123456789012"
    carlos = user("carlossalazar", carlos_acct)
    carlos_identity = policy(
        allow(["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock", "s3:ListAccessPoints", "s3:ListAllMyBuckets"],
              "arn:aws:s3:::*", sid="AllowS3ListRead"),
        allow("s3:*", ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"], sid="AllowS3Self"),
        deny("s3:*", "arn:aws:s3:::*log*", sid="DenyS3Logs"))
    carlos_bucket = policy(allow("s3:*", ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"],
                                 principal=aws(carlos)))
    c.add(14, "Carlos saves a file to the carlossalazar-logs bucket: DenyS3Logs denies", src.SINGLE_ACCOUNT,
          "AWS first checks for a Deny statement that applies to the context of the request. It finds one, because the identity-based policy explicitly denies Carlos access to any S3 buckets used for logging.",
          principal=carlos, action="s3:PutObject", resource="arn:aws:s3:::carlossalazar-logs/notes.txt",
          account=carlos_acct, identity=[carlos_identity], expected=EXPLICIT)
    c.add(15, "Carlos saves a file to the carlossalazar bucket: both policies allow", src.SINGLE_ACCOUNT,
          "Both the identity-based policy and the resource-based policy allow the request. Therefore, AWS allows the request.",
          principal=carlos, action="s3:PutObject", resource="arn:aws:s3:::carlossalazar/notes.txt",
          account=carlos_acct, identity=[carlos_identity], resource_policy=carlos_bucket, expected=ALLOWED)
    c.add(16, "Carlos's bucket: only the bucket policy allows (identity policy removed)", src.SINGLE_ACCOUNT,
          "If one of the policy types allows the request and the other doesn't, the request is still allowed.",
          principal=carlos, action="s3:PutObject", resource="arn:aws:s3:::carlossalazar/notes.txt",
          account=carlos_acct, resource_policy=carlos_bucket, expected=ALLOWED)
    c.add(17, "Carlos's bucket: only the identity policy allows (bucket policy says nothing about the caller)",
          src.SINGLE_ACCOUNT,
          "If either the identity-based policy or the resource-based policy within the same account allows the request and the other doesn't, the request is still allowed.",
          principal=carlos, action="s3:PutObject", resource="arn:aws:s3:::carlossalazar/notes.txt",
          account=carlos_acct, identity=[carlos_identity],
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::carlossalazar/*", principal=aws(user("maria", carlos_acct)))),
          expected=ALLOWED)
    c.add(18, "The bucket policy names Carlos, but his identity policy denies the logs bucket", src.SINGLE_ACCOUNT,
          "An explicit deny in any of the policies overrides the allow.",
          principal=carlos, action="s3:GetObject", resource="arn:aws:s3:::carlossalazar-logs/notes.txt",
          account=carlos_acct, identity=[carlos_identity],
          resource_policy=policy(allow("s3:*", "arn:aws:s3:::carlossalazar-logs/*", principal=aws(carlos))),
          expected=EXPLICIT)
    c.add(19, "Carlos reads a bucket that no statement covers", src.SINGLE_ACCOUNT,
          "If there are no identity-based policies or no statements in identity-based policies that allow the requested action, then the request is implicitly denied",
          principal=carlos, action="s3:GetObject", resource="arn:aws:s3:::team-share/notes.txt",
          account=carlos_acct, identity=[carlos_identity], expected=IMPLICIT)

    # ---- resource-based policies and the principal they name (same account) -------------------------------------
    examplerole_session = session("examplerole", "examplerolesessionname")
    role_grant = policy(allow("s3:GetObject", bucket + "/*", principal=aws(role("examplerole"))))
    session_grant = policy(allow("s3:GetObject", bucket + "/*", principal=aws(examplerole_session)))
    no_get = policy(allow("ec2:DescribeInstances", "*"))
    c.add(20, "Same account: bucket policy names the role; its session has no identity policy", src.EVAL_LOGIC,
          "Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj, resource_policy=role_grant,
          expected=ALLOWED, notes="Only a boundary or a session policy limits a grant to the role ARN; neither is present.")
    c.add(21, "Same account: bucket policy names the role; the role's boundary does not allow", src.EVAL_LOGIC,
          "Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj, resource_policy=role_grant,
          boundary=no_get, expected=IMPLICIT)
    c.add(22, "Same account: bucket policy names the role; the session policy does not allow", src.EVAL_LOGIC,
          "Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj, resource_policy=role_grant,
          session=no_get, expected=IMPLICIT)
    c.add(23, "Same account: bucket policy names the role; the session policy allows, no identity policy",
          src.SESSION_POLICIES,
          "The resulting session's permissions are the intersection of the session policies and either the resource-based policy or the identity-based policy.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj, resource_policy=role_grant,
          session=get_any, expected=ALLOWED)
    c.add(24, "Same account: bucket policy names the role; the boundary allows, no identity policy", src.EVAL_LOGIC,
          "Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj, resource_policy=role_grant,
          boundary=get_any, expected=ALLOWED)
    c.add(25, "Same account: bucket policy names the role session; boundary and session policy do not allow",
          src.EVAL_LOGIC,
          "Permissions granted directly to a session are not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj, resource_policy=session_grant,
          boundary=no_get, session=no_get, expected=ALLOWED)
    c.add(26, "Same account: bucket policy names another session of the same role", src.PRINCIPAL,
          "When you specify an assumed-role session in a Principal element, you cannot use a wildcard \"*\" to mean all sessions. Principals must always name a specific session.",
          principal=session("examplerole", "othersession"), action="s3:GetObject", resource=bucket_obj,
          resource_policy=session_grant, expected=IMPLICIT)
    user_grant = policy(allow("s3:GetObject", bucket + "/*", principal=aws(user("exampleuser"))))
    c.add(27, "Same account: bucket policy names the user; the user's boundary does not allow", src.EVAL_LOGIC,
          "Within the same account, resource-based policies that grant permissions to an IAM user ARN (that is not a federated user session) are not limited by an implicit deny in an identity-based policy or permissions boundary.",
          principal=user("exampleuser"), action="s3:GetObject", resource=bucket_obj, resource_policy=user_grant,
          boundary=no_get, expected=ALLOWED)
    c.add(28, "Same account: bucket policy names the user, but the user's identity policy denies", src.SINGLE_ACCOUNT,
          "An explicit deny in any of the policies overrides the allow.",
          principal=user("exampleuser"), action="s3:GetObject", resource=bucket_obj, resource_policy=user_grant,
          identity=[policy(deny("s3:*", "*"))], expected=EXPLICIT)
    fed = federated_user("exampleuser")
    fed_grant = policy(allow("s3:GetObject", bucket + "/*", principal=aws(fed)))
    c.add(29, "Same account: bucket policy names the federated user session; no session policy, no identity policy",
          src.EVAL_LOGIC,
          "Within the same account, resource-based policies that grant permissions to a federated user ARN grant permissions directly to the session.",
          principal=fed, action="s3:GetObject", resource=bucket_obj, resource_policy=fed_grant, expected=ALLOWED,
          tags=["federated-user"])
    c.add(30, "Same account: bucket policy names the federated user session; its session policy does not allow",
          src.EVAL_LOGIC,
          "Permissions granted directly to a session are not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy.",
          principal=fed, action="s3:GetObject", resource=bucket_obj, resource_policy=fed_grant, session=no_get,
          identity=[get_any], expected=ALLOWED, tags=["federated-user"])
    account_grant = policy(allow("s3:*", [bucket, bucket + "/*"], principal=aws(root()), sid="1"))
    c.add(31, "Same account: bucket policy grants the account; the user has no identity policy", src.POLICIES,
          "Because the policy grants trust only to the account, individual users in the account must still be granted permissions for the specified Amazon S3 actions.",
          principal=alice, action="s3:GetObject", resource=bucket_obj, resource_policy=account_grant, expected=IMPLICIT)
    c.add(32, "Same account: bucket policy grants the account; the user's identity policy allows", src.POLICIES,
          "Because the policy grants trust only to the account, individual users in the account must still be granted permissions for the specified Amazon S3 actions.",
          principal=alice, action="s3:GetObject", resource=bucket_obj, resource_policy=account_grant,
          identity=[get_any], expected=ALLOWED)
    c.add(33, "Same account: Principal \"*\" grants a user of the account without any identity policy", src.PRINCIPAL,
          "For resource-based policies, using a wildcard (*) with an Allow effect grants access to all users, including anonymous users (public access). For IAM users and role principals within your account, no other permissions are required.",
          principal=alice, action="s3:GetObject", resource=bucket_obj,
          resource_policy=policy(allow("s3:GetObject", bucket + "/*", principal="*")), expected=ALLOWED)
    c.add(34, "Principal \"*\" with aws:PrincipalArn naming the role: boundary and session policy do not limit it",
          src.PRINCIPAL,
          "Identity-based policy types, such as permissions boundaries or session policies, do not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element, unless the identity-based policies contain an explicit deny.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj,
          context={"aws:PrincipalArn": arn(role("examplerole"))},
          resource_policy=policy(allow("s3:GetObject", bucket + "/*", principal="*",
                                       condition={"ArnEquals": {"aws:PrincipalArn": role("examplerole")}})),
          boundary=no_get, session=no_get, expected=ALLOWED)
    c.add(35, "Principal \"*\" with aws:PrincipalArn: an explicit deny in the session policy still denies",
          src.PRINCIPAL,
          "Identity-based policy types, such as permissions boundaries or session policies, do not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element, unless the identity-based policies contain an explicit deny.",
          principal=examplerole_session, action="s3:GetObject", resource=bucket_obj,
          context={"aws:PrincipalArn": arn(role("examplerole"))},
          resource_policy=policy(allow("s3:GetObject", bucket + "/*", principal="*",
                                       condition={"ArnEquals": {"aws:PrincipalArn": role("examplerole")}})),
          session=[get_any, policy(deny("s3:GetObject", "*"))], expected=EXPLICIT)
    c.add(36, "The user name in a Principal ARN is case sensitive", src.PRINCIPAL,
          "In a Principal element, the user name part of the Amazon Resource Name (ARN) is case sensitive.",
          principal=user("bob"), action="s3:GetObject", resource=bucket_obj,
          resource_policy=policy(allow("s3:GetObject", bucket + "/*", principal=aws(user("Bob")))), expected=IMPLICIT)
    two_users = policy(allow("s3:GetObject", bucket + "/*", principal=aws(user("Ana"), user("Mary"))))
    c.add(37, "Several principals in one element are ORed: the second one matches", src.PRINCIPAL,
          "When you specify more than one principal in an element, you grant permissions to each principal. This is a logical OR and not a logical AND, because you authenticate as one principal at a time.",
          principal=user("Mary"), action="s3:GetObject", resource=bucket_obj, resource_policy=two_users, expected=ALLOWED)
    c.add(38, "Several principals in one element: a principal not in the list", src.PRINCIPAL,
          "When you specify more than one principal in an element, you grant permissions to each principal.",
          principal=user("Nikki"), action="s3:GetObject", resource=bucket_obj, resource_policy=two_users,
          expected=IMPLICIT)

    # ---- cross-account ------------------------------------------------------------------------------------------
    prod_acct, carlos_home = "222222222222", "111111111111"
    carlos2 = user("carlossalazar", carlos_home)
    carlos_cross = policy(
        allow("s3:ListAllMyBuckets", "*", sid="AllowS3ListRead"),
        allow("s3:*Object*", "arn:aws:s3:::Production/*", sid="AllowS3ProductionObjectActions"),
        deny("s3:*", ["arn:aws:s3:::*log*", "arn:aws:s3:::*log*/*"], sid="DenyS3Logs"))
    production_bucket = policy(allow(["s3:GetObject*", "s3:PutObject*", "s3:ReplicateObject", "s3:RestoreObject"],
                                     "arn:aws:s3:::Production/*", principal=aws(carlos2)))
    c.add(39, "Carlos (account 111111111111) saves to Production-logs in 222222222222: denied in his own account",
          src.CROSS_ACCOUNT,
          "Because the request is explicitly denied within one of the accounts, the final decision is to deny the request.",
          principal=carlos2, action="s3:PutObject", resource="arn:aws:s3:::Production-logs/notes.txt",
          account=prod_acct, identity=[carlos_cross], expected=EXPLICIT)
    c.add(40, "Carlos saves to the Production bucket: both accounts allow", src.CROSS_ACCOUNT,
          "Because both accounts allow the request, the final decision is to allow the request.",
          principal=carlos2, action="s3:PutObject", resource="arn:aws:s3:::Production/notes.txt",
          account=prod_acct, identity=[carlos_cross], resource_policy=production_bucket, expected=ALLOWED)
    c.add(41, "Carlos deletes an object in Production: the bucket policy does not allow deletes", src.CROSS_ACCOUNT,
          "He can create and edit, but not delete the objects in the bucket.",
          principal=carlos2, action="s3:DeleteObject", resource="arn:aws:s3:::Production/notes.txt",
          account=prod_acct, identity=[carlos_cross], resource_policy=production_bucket, expected=IMPLICIT)
    c.add(42, "Cross-account: the identity policy allows but the resource has no policy", src.CROSS_ACCOUNT,
          "Additionally, the resource-based policy in AccountB must allow the requester in AccountA to access the resource.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any], expected=IMPLICIT)
    c.add(43, "Cross-account: the resource policy names the user but the user has no identity policy",
          src.CROSS_ACCOUNT,
          "For cross-account requests, the requester in the trusted AccountA must have an identity-based policy.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(alice))),
          expected=IMPLICIT)
    c.add(44, "Cross-account: the resource policy names the caller's account by its 12-digit id", src.PRINCIPAL,
          "The account ARN and the shortened account ID behave the same way. Both delegate permissions to the account.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any],
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(ACCT))),
          expected=ALLOWED)
    c.add(45, "Cross-account: the account ARN as principal is not limited to the root user", src.PRINCIPAL,
          "Using the account ARN in the Principal element does not limit permissions to only the root user of the account.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any],
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(root()))),
          expected=ALLOWED)
    c.add(46, "Cross-account: the resource policy grants two accounts, the caller's is the second", src.PRINCIPAL,
          "The following example policy defines permissions for the 123456789012 account or the 555555555555 account.",
          principal=user("dev", "555555555555"), action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv",
          account=OTHER, identity=[get_any],
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*",
                                       principal=aws("123456789012", "555555555555"))),
          expected=ALLOWED)
    c.add(47, "Cross-account: the resource policy grants an account other than the caller's", src.CROSS_ACCOUNT,
          "The resource-based policy in the trusting account must specify the principal of the trusted account that will have access the resource.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any],
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(THIRD))),
          expected=IMPLICIT)
    c.add(48, "Cross-account: the resource policy denies the caller's account", src.CROSS_ACCOUNT,
          "The request is allowed only if both evaluations return a decision of Allow.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any],
          resource_policy=policy(allow("s3:*", "arn:aws:s3:::partner-bucket/*", principal=aws(ACCT)),
                                 deny("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(ACCT))),
          expected=EXPLICIT)
    partner_session = session("analyst", "jobrun")
    c.add(49, "Cross-account: resource policy names the session, but its session policy does not allow",
          src.CROSS_ACCOUNT,
          "When AWS evaluates this account, it checks the identity-based policy and any policies that can limit an identity-based policy.",
          principal=partner_session, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv",
          account=OTHER, identity=[get_any], session=no_get,
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(partner_session))),
          expected=IMPLICIT)
    c.add(50, "Cross-account: resource policy names the user, but the user's boundary does not allow",
          src.CROSS_ACCOUNT,
          "When AWS evaluates this account, it checks the identity-based policy and any policies that can limit an identity-based policy.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any], boundary=no_get,
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(alice))),
          expected=IMPLICIT)
    public_read = policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal="*"))
    c.add(51, "Cross-account: Principal \"*\" and an identity policy that allows", src.PRINCIPAL,
          "For principals in other accounts, they must also have identity-based permissions in their account that allow them to access your resource.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          identity=[get_any], resource_policy=public_read, expected=ALLOWED)
    c.add(52, "Cross-account: Principal \"*\" without an identity policy", src.PRINCIPAL,
          "For principals in other accounts, they must also have identity-based permissions in their account that allow them to access your resource.",
          principal=alice, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          resource_policy=public_read, expected=IMPLICIT)

    # ---- the account root user -----------------------------------------------------------------------------------
    r = root()
    c.add(53, "The root user needs no policy in its own account", src.DENY_ALLOW,
          "By default, all requests are implicitly denied with the exception of the AWS account root user, which has full access.",
          principal=r, action="s3:DeleteBucket", resource=bucket, expected=ALLOWED, tags=["root-user"])
    c.add(54, "A bucket policy Deny for everyone also denies the root user", src.POLICIES,
          "However, you can specify the root user as the principal in a resource-based policy or an ACL.",
          principal=r, action="s3:DeleteBucket", resource=bucket,
          resource_policy=policy(deny("s3:DeleteBucket", bucket, principal="*")), expected=EXPLICIT, tags=["root-user"])
    c.add(55, "Root user of one account and a bucket in another that grants that account", src.CROSS_ACCOUNT,
          "The request is allowed only if both evaluations return a decision of Allow.",
          principal=r, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(ACCT))),
          expected=ALLOWED, tags=["root-user"])
    c.add(56, "Root user of one account and a bucket in another without a bucket policy", src.CROSS_ACCOUNT,
          "Additionally, the resource-based policy in AccountB must allow the requester in AccountA to access the resource.",
          principal=r, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv", account=OTHER,
          expected=IMPLICIT, tags=["root-user"])

    # ---- anonymous callers -----------------------------------------------------------------------------------------
    c.add(57, "Anonymous read allowed by Principal \"*\"", src.PRINCIPAL,
          "For resource-based policies, using a wildcard (*) with an Allow effect grants access to all users, including anonymous users (public access).",
          action="s3:GetObject", resource=bucket_obj,
          resource_policy=policy(allow("s3:GetObject", bucket + "/*", principal="*")), expected=ALLOWED,
          tags=["anonymous"])
    c.add(58, "Anonymous read allowed by Principal {\"AWS\": \"*\"}", src.PRINCIPAL,
          "For anonymous users, the following elements are equivalent: \"Principal\": \"*\" and \"Principal\" : { \"AWS\" : \"*\" }",
          action="s3:GetObject", resource=bucket_obj,
          resource_policy=policy(allow("s3:GetObject", bucket + "/*", principal=aws("*"))), expected=ALLOWED,
          tags=["anonymous"])
    c.add(59, "Anonymous read of a bucket without a bucket policy", src.EVAL_LOGIC,
          "This step is not necessary for a few services, such as Amazon S3, that allow some requests from anonymous users.",
          action="s3:GetObject", resource=bucket_obj, expected=IMPLICIT, tags=["anonymous"])
    c.add(60, "Anonymous read of a bucket whose policy grants only an account", src.PRINCIPAL,
          "When you allow access to a different account, an administrator in that account must then grant access to an identity (IAM user or role) in that account.",
          action="s3:GetObject", resource=bucket_obj, resource_policy=account_grant, expected=IMPLICIT,
          tags=["anonymous"])
    tls_only = policy(allow("s3:GetObject", bucket + "/*", principal="*"),
                      deny("s3:*", [bucket, bucket + "/*"], principal="*",
                           condition={"Bool": {"aws:SecureTransport": "false"}}))
    c.add(61, "Anonymous read over plain HTTP: the SecureTransport Deny applies", src.OPERATORS,
          "this identity-based policy uses the Bool condition operator with the aws:SecureTransport key to deny all S3 actions on a bucket and its contents if the request is not over SSL.",
          action="s3:GetObject", resource=bucket_obj, context={"aws:SecureTransport": boolean(False)},
          resource_policy=tls_only, expected=EXPLICIT, tags=["anonymous"])
    c.add(62, "Anonymous read over HTTPS: the SecureTransport Deny does not apply", src.OPERATORS,
          "The aws:SecureTransport key is always present in the request context.",
          action="s3:GetObject", resource=bucket_obj, context={"aws:SecureTransport": boolean(True)},
          resource_policy=tls_only, expected=ALLOWED, tags=["anonymous"])
    c.add(63, "A bucket policy that names a user grants nothing to an anonymous caller", src.PRINCIPAL,
          "Principals must always name specific users.",
          action="s3:GetObject", resource=bucket_obj, resource_policy=user_grant, expected=IMPLICIT, tags=["anonymous"])

    # ---- service principals -------------------------------------------------------------------------------------
    queue = f"arn:aws:sqs:us-east-2:{ACCT}:queue1"
    topic = f"arn:aws:sns:us-east-2:{ACCT}:topic1"
    queue_policy = policy(allow("sqs:SendMessage", queue, principal=service("sns.amazonaws.com"),
                                condition={"ArnEquals": {"aws:SourceArn": topic}}))
    c.add(64, "A queue policy lets Amazon SNS send messages on behalf of the named topic", src.OPERATORS,
          "It gives Amazon SNS permission to send messages to the queue (or queues) of your choice, but only if the service is sending the messages on behalf of a particular Amazon SNS topic (or topics).",
          principal="sns.amazonaws.com", action="sqs:SendMessage", resource=queue,
          context={"aws:SourceArn": arn(topic)}, resource_policy=queue_policy, expected=ALLOWED)
    c.add(65, "Amazon SNS sends on behalf of another topic", src.OPERATORS,
          "It gives Amazon SNS permission to send messages to the queue (or queues) of your choice, but only if the service is sending the messages on behalf of a particular Amazon SNS topic (or topics).",
          principal="sns.amazonaws.com", action="sqs:SendMessage", resource=queue,
          context={"aws:SourceArn": arn(f"arn:aws:sns:us-east-2:{ACCT}:topic2")}, resource_policy=queue_policy,
          expected=IMPLICIT)
    c.add(66, "A user sends directly: aws:SourceArn is absent and the statement does not apply", src.OPERATORS,
          "If an IAM user attempts to perform this operation directly, the condition returns false and the request is implicitly denied by this statement.",
          principal=alice, action="sqs:SendMessage", resource=queue,
          resource_policy=policy(allow("sqs:SendMessage", queue, principal=aws(alice),
                                       condition={"ArnEquals": {"aws:SourceArn": topic}})),
          expected=IMPLICIT)
    c.add(67, "A service principal not named in the policy", src.PRINCIPAL,
          "You can specify AWS services in the Principal element of a resource-based policy or in condition keys that support principals.",
          principal="events.amazonaws.com", action="sqs:SendMessage", resource=queue,
          context={"aws:SourceArn": arn(topic)}, resource_policy=queue_policy, expected=IMPLICIT)
    return c
