"""Guardrails: SCPs at every level, RCPs with the implicit RCPFullAWSAccess, VPC endpoint policies, and an explicit
deny in each policy type overriding allows everywhere else."""

from casekit import *  # noqa: F401,F403
import sources as src


def build():
    c = Corpus("aws-docs-guardrails.jsonl", "guard")
    n = iter(range(1, 1000))

    def add(description, source, quote, expected, **kw):
        c.add(next(n), description, source, quote, expected=expected, **kw)

    maria = user("maria")
    obj = "arn:aws:s3:::amzn-s3-demo-bucket/a.txt"
    s3_all = policy(allow("s3:*", "*"))
    every_level = ("For a permission to be allowed for a specific account, there must be an explicit Allow "
                   "statement at every level from the root through each OU in the direct path to the account "
                   "(including the target account itself).")
    any_level_deny = ("For a permission to be denied for a specific account, any SCP from the root through each OU in "
                      "the direct path to the account (including the target account itself) can deny that permission.")

    # ---- SCPs -------------------------------------------------------------------------------------------------
    add("FullAWSAccess at the root, the OU and the account, and an identity policy that allows", src.SCP_EVALUATION,
        every_level, ALLOWED, principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        scps=full_scps())
    add("The OU's SCP allows only Amazon EC2: Amazon S3 is implicitly denied", src.SCP_EVALUATION, every_level,
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        scps=levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [policy(allow("ec2:*", "*"))]),
                    (ACCT, [FULL_AWS_ACCESS])))
    add("The account level has no SCP that allows: implicitly denied", src.SCP_EVALUATION,
        "If an allow statement is not present in the SCPs at any of the levels such as Root, Production OU or Account B, the access is denied.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        scps=levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [FULL_AWS_ACCESS]), (ACCT, [])))
    add("An allow-list SCP at every level that includes Amazon S3", src.SCP_EVALUATION, every_level, ALLOWED,
        principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        scps=levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [policy(allow(["s3:*", "ec2:*"], "*"))]),
                    (ACCT, [policy(allow("s3:*", "*"))])))
    add("Several SCPs at one level are ORed: the second one allows", src.SCP_EVALUATION, every_level, ALLOWED,
        principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        scps=levels(("r-root", [FULL_AWS_ACCESS]),
                    ("ou-prod", [policy(allow("ec2:*", "*")), policy(allow("s3:*", "*"))]),
                    (ACCT, [FULL_AWS_ACCESS])))
    for level in ("r-root", "ou-prod", ACCT):
        pairs = [(t, [FULL_AWS_ACCESS] + ([policy(deny("s3:DeleteBucket", "*"))] if t == level else []))
                 for t in ("r-root", "ou-prod", ACCT)]
        add(f"A Deny SCP attached at level {level}", src.SCP_EVALUATION, any_level_deny, EXPLICIT, principal=maria,
            action="s3:DeleteBucket", resource="arn:aws:s3:::amzn-s3-demo-bucket", identity=[s3_all],
            scps=levels(*pairs))
    add("SCPs allow everything but the user has no permissions policy", src.SCPS,
        "A user without any IAM permission policies has no access, even if the applicable SCPs allow all services and all actions.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, scps=full_scps())
    add("Same account: a bucket policy names the user, but the SCPs do not allow", src.DENY_ALLOW,
        "If the enforcement code does not find any applicable Allow statements in the SCPs, then the request is implicitly denied.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj,
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(maria))),
        scps=levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [policy(allow("ec2:*", "*"))]),
                    (ACCT, [FULL_AWS_ACCESS])))
    add("SCPs apply to the root user of a member account", src.SCPS,
        "An SCP restricts permissions for IAM users and roles in member accounts, including the member account's root user.",
        EXPLICIT, principal=root(), action="ec2:TerminateInstances",
        resource=f"arn:aws:ec2:us-east-1:{ACCT}:instance/i-0123456789abcdef0",
        scps=levels(("r-root", [FULL_AWS_ACCESS, policy(deny("ec2:TerminateInstances", "*"))])), tags=["root-user"])
    add("The root user of a member account is limited by an SCP that does not allow", src.SCPS,
        "SCPs affect all users and roles in attached accounts, including the root user.",
        IMPLICIT, principal=root(), action="s3:GetObject", resource=obj,
        scps=levels(("r-root", [policy(allow("ec2:*", "*"))])), tags=["root-user"])
    add("The root user of a member account with FullAWSAccess", src.DENY_ALLOW,
        "If there is no SCP, or if the SCP allows the requested action, the code continues.",
        ALLOWED, principal=root(), action="s3:GetObject", resource=obj, scps=full_scps(), tags=["root-user"])
    add("A principal's SCP still applies when it calls a resource in another account", src.SCPS,
        "If a user or role has an IAM permission policy that grants access to an action that is either not allowed or explicitly denied by the applicable SCPs, the user or role can't perform that action.",
        EXPLICIT, principal=maria, action="s3:GetObject", resource="arn:aws:s3:::partner-bucket/data.csv",
        account=OTHER, identity=[s3_all],
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::partner-bucket/*", principal=aws(maria))),
        scps=levels(("r-root", [FULL_AWS_ACCESS, policy(deny("s3:*", "*"))])))
    add("SCPs do not affect a service-linked role", src.SCPS,
        "SCPs do not affect any service-linked role.",
        ALLOWED, principal=f"arn:aws:iam::{ACCT}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
        action="ec2:DescribeInstances", resource="*", wildcard_only=True,
        identity=[policy(allow("ec2:Describe*", "*"))],
        scps=levels(("r-root", [FULL_AWS_ACCESS, policy(deny("ec2:*", "*"))])),
        notes="The request principal is the role ARN itself; the case format gives no other way to say that a session belongs to a service-linked role.")
    region_scp = policy(allow("*", "*"),
                        deny(None, "*", not_action=["iam:*", "organizations:*", "sts:*", "support:*"],
                             sid="DenyAllOutsideEU",
                             condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]}}))
    region_quote = ("The following example policy denies access to any operations outside of the eu-central-1 and "
                    "eu-west-1 regions, except for actions in the listed services.")
    add("Region guardrail SCP: Amazon EC2 in us-east-1 is denied", src.NOT_ACTION, region_quote, EXPLICIT,
        principal=maria, action="ec2:RunInstances", resource=f"arn:aws:ec2:us-east-1:{ACCT}:instance/*",
        context={"aws:RequestedRegion": s("us-east-1")}, identity=[policy(allow("ec2:*", "*"))],
        scps=levels(("r-root", [region_scp])))
    add("Region guardrail SCP: Amazon EC2 in eu-west-1 is allowed", src.NOT_ACTION, region_quote, ALLOWED,
        principal=maria, action="ec2:RunInstances", resource=f"arn:aws:ec2:eu-west-1:{ACCT}:instance/*",
        context={"aws:RequestedRegion": s("eu-west-1")}, identity=[policy(allow("ec2:*", "*"))],
        scps=levels(("r-root", [region_scp])))
    add("Region guardrail SCP: a global IAM action in us-east-1 is not denied", src.NOT_ACTION,
        "The services listed in the NotActions element are some of the AWS global services with a single endpoint physically located in the us-east-1 Region.",
        ALLOWED, principal=maria, action="iam:GetUser", resource=maria,
        context={"aws:RequestedRegion": s("us-east-1")}, identity=[policy(allow("iam:Get*", "*"))],
        scps=levels(("r-root", [region_scp])))
    admin_exempt = policy(allow("*", "*"),
                          deny("iam:DeleteRole", "*",
                               condition={"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/AdminRole"}}))
    add("SCP Deny with an exception for AdminRole: the admin session is not denied", src.MULTIPLE_KEYS,
        "Since the ArnNotLike condition operator uses negated matching, the principal ARN of the user making the request must not match any of the aws:PrincipalArn values specified in the policy to be evaluated as true.",
        ALLOWED, principal=session("AdminRole", "ops"), action="iam:DeleteRole", resource=role("old"),
        context={"aws:PrincipalArn": arn(role("AdminRole"))}, identity=[policy(allow("iam:*", "*"))],
        scps=levels(("r-root", [admin_exempt])))
    add("SCP Deny with an exception for AdminRole: another role is denied", src.MULTIPLE_KEYS,
        "If a single negated matching condition operator includes multiple values for a context key, those values are evaluated using a logical NOR.",
        EXPLICIT, principal=session("Developer", "dev"), action="iam:DeleteRole", resource=role("old"),
        context={"aws:PrincipalArn": arn(role("Developer"))}, identity=[policy(allow("iam:*", "*"))],
        scps=levels(("r-root", [admin_exempt])))

    # ---- RCPs -------------------------------------------------------------------------------------------------
    rcp_full = ("This default RCP allows all principals and actions access to pass through RCP evaluation, meaning "
                "until you start creating and attaching RCPs, all your existing IAM permissions continue to operate "
                "as they did.")
    add("RCPs enabled but only RCPFullAWSAccess attached: nothing changes", src.RCP_EVALUATION, rcp_full, ALLOWED,
        principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        rcps=levels(("r-root", []), ("ou-prod", []), (ACCT, [])))
    add("RCPFullAWSAccess does not grant access", src.RCP_EVALUATION,
        "This AWS managed policy does not grant access.", IMPLICIT, principal=maria, action="s3:GetObject",
        resource=obj, rcps=levels(("r-root", []), (ACCT, [])))
    rcp_deny_quote = ("For a permission to be denied for a resource in a specific account, any RCP from the root "
                      "through each OU in the direct path to the account (including the target account itself) can "
                      "deny that permission.")
    deny_s3_delete = policy(deny("s3:DeleteObject", "*", principal="*"))
    for level in ("r-root", "ou-prod", ACCT):
        add(f"An RCP Deny attached at level {level} denies a principal of the same account", src.RCP_EVALUATION,
            rcp_deny_quote, EXPLICIT, principal=maria, action="s3:DeleteObject", resource=obj, identity=[s3_all],
            rcps=levels(*[(t, [deny_s3_delete] if t == level else []) for t in ("r-root", "ou-prod", ACCT)]))
    perimeter = policy(deny("kms:*", "*", principal="*", sid="RCPEnforceIdentityPerimeter",
                            condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "my-org-id"},
                                       "Bool": {"aws:PrincipalIsAWSService": "false"}}))
    key = f"arn:aws:kms:us-east-1:{ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    key_policy = policy(allow("kms:*", "*", principal=aws(root()), sid="Enable IAM User Permissions"),
                        allow(["kms:Decrypt", "kms:Encrypt"], "*", principal=aws(OTHER), sid="Partner"))
    perimeter_quote = ("The following example demonstrates how to use an RCP to prevent external principals from accessing "
                       "customer managed keys in your organization.")
    add("RCP identity perimeter: a principal from another organization is denied", src.KMS_RCPS, perimeter_quote,
        EXPLICIT, principal=user("partner", OTHER), action="kms:Decrypt", resource=key,
        context={"aws:PrincipalOrgID": s("o-partnerorg"), "aws:PrincipalIsAWSService": boolean(False)},
        identity=[policy(allow("kms:Decrypt", "*"))], resource_policy=key_policy,
        rcps=levels(("r-root", [perimeter])), tags=["service-specific:kms"])
    add("RCP identity perimeter: a principal of the organization is not denied", src.KMS_RCPS, perimeter_quote,
        ALLOWED, principal=maria, action="kms:Decrypt", resource=key,
        context={"aws:PrincipalOrgID": s("my-org-id"), "aws:PrincipalIsAWSService": boolean(False)},
        identity=[policy(allow("kms:Decrypt", "*"))], resource_policy=key_policy,
        rcps=levels(("r-root", [perimeter])), tags=["service-specific:kms"])
    add("RCP identity perimeter: a principal outside any organization (no aws:PrincipalOrgID) is denied",
        src.KMS_RCPS, perimeter_quote, EXPLICIT, principal=user("partner", OTHER), action="kms:Decrypt", resource=key,
        context={"aws:PrincipalIsAWSService": boolean(False)}, identity=[policy(allow("kms:Decrypt", "*"))],
        resource_policy=key_policy, rcps=levels(("r-root", [perimeter])), tags=["service-specific:kms"],
        notes="StringNotEqualsIfExists is true when the key is missing; IAM User Guide, condition operators, ...IfExists.")
    add("RCP identity perimeter: an AWS service principal is not denied", src.KMS_RCPS, perimeter_quote, ALLOWED,
        principal="logs.amazonaws.com", action="kms:Decrypt", resource=key,
        context={"aws:PrincipalIsAWSService": boolean(True)},
        resource_policy=policy(allow("kms:Decrypt", "*", principal=service("logs.amazonaws.com"))),
        rcps=levels(("r-root", [perimeter])), tags=["service-specific:kms"])
    tls_rcp = policy(deny("s3:*", "*", principal="*", condition={"Bool": {"aws:SecureTransport": "false"}}))
    add("An RCP also applies to anonymous requests", src.RCPS,
        "RCPs offer central control over the maximum available permissions for resources in your organization.",
        EXPLICIT, action="s3:GetObject", resource=obj, context={"aws:SecureTransport": boolean(False)},
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal="*")),
        rcps=levels(("r-root", [tls_rcp])), tags=["anonymous"])
    add("RCPs of the resource's account apply to a caller from another account", src.RCPS,
        "Use an RCP when you need to restrict IAM principals that are external to your organization accounts making requests to access resources within your organization’s member accounts.",
        EXPLICIT, principal=user("partner", OTHER), action="s3:GetObject", resource=obj,
        context={"aws:SecureTransport": boolean(False)}, identity=[s3_all],
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(OTHER))),
        rcps=levels(("r-root", [tls_rcp])))

    # ---- VPC endpoint policies -------------------------------------------------------------------------------
    add("The default endpoint policy allows full access", src.VPC_ENDPOINT_POLICIES,
        "The default endpoint policy grants full access to the endpoint.", ALLOWED, principal=maria,
        action="s3:GetObject", resource=obj, identity=[s3_all], endpoint=DEFAULT_ENDPOINT_POLICY)
    add("An endpoint policy does not grant: the identity policy allows nothing", src.VPC_ENDPOINT_POLICIES,
        "An endpoint policy does not override or replace identity-based policies or resource-based policies.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, endpoint=DEFAULT_ENDPOINT_POLICY)
    read_only = policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal="*"))
    add("An endpoint policy that allows only reads: a read", src.VPC_ENDPOINT_POLICIES,
        "An endpoint policy is a resource-based policy that you attach to a VPC endpoint to control which AWS principals can use the endpoint to access an AWS service.",
        ALLOWED, principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all], endpoint=read_only)
    add("An endpoint policy that allows only reads: a write through the endpoint", src.VPC_ENDPOINT_POLICIES,
        "An endpoint policy is a resource-based policy that you attach to a VPC endpoint to control which AWS principals can use the endpoint to access an AWS service.",
        IMPLICIT, principal=maria, action="s3:PutObject", resource=obj, identity=[s3_all], endpoint=read_only)
    by_arn = policy(allow("*", "*", principal="*",
                          condition={"StringEquals": {"aws:PrincipalArn": f"arn:aws:iam::{ACCT}:user/endpointuser"}}))
    add("Gateway endpoint policy naming a principal with aws:PrincipalArn: that user", src.VPC_ENDPOINT_POLICIES,
        "To specify a principal, use the aws:PrincipalArn condition key.",
        ALLOWED, principal=user("endpointuser"), action="s3:GetObject", resource=obj,
        context={"aws:PrincipalArn": arn(user("endpointuser"))}, identity=[s3_all], endpoint=by_arn)
    add("Gateway endpoint policy naming a principal with aws:PrincipalArn: another user", src.VPC_ENDPOINT_POLICIES,
        "To specify a principal, use the aws:PrincipalArn condition key.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, context={"aws:PrincipalArn": arn(maria)},
        identity=[s3_all], endpoint=by_arn)
    add("Gateway endpoint policy with an account id as principal: a user of that account", src.VPC_ENDPOINT_POLICIES,
        "If you specify the principal using the following format, access is granted to the AWS account root user only, not all users and roles for the account.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, identity=[s3_all],
        endpoint=policy(allow("*", "*", principal=aws(ACCT))), tags=["doc-ambiguous"],
        notes="The sentence is in the section on gateway endpoints; the case format does not say which kind of endpoint the request passed.")
    add("A Deny in the endpoint policy denies", src.VPC_ENDPOINT_POLICIES,
        "An endpoint policy is a resource-based policy that you attach to a VPC endpoint to control which AWS principals can use the endpoint to access an AWS service.",
        EXPLICIT, principal=maria, action="s3:DeleteObject", resource=obj, identity=[s3_all],
        endpoint=policy(allow("*", "*", principal="*"), deny("s3:DeleteObject", "*", principal="*")))

    # ---- an explicit deny in any policy type overrides every allow -------------------------------------------
    job = session("DataJob", "nightly")
    get = policy(allow("s3:GetObject", "*"))
    no = policy(deny("s3:GetObject", "*"))
    granted = policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(job)))
    denied = policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(job)),
                    deny("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal="*"))
    deny_eval = ("In all those policies, the enforcement code looks for a Deny statement that applies to the request. "
                 "This is called an explicit deny. If the enforcement code finds even one explicit deny that applies, "
                 "the enforcement code returns a final decision of Deny.")

    def everything(**override):
        base = dict(principal=job, action="s3:GetObject", resource=obj, identity=[get], resource_policy=granted,
                    boundary=get, session=get, scps=full_scps(), rcps=levels(("r-root", []), (ACCT, [])),
                    endpoint=DEFAULT_ENDPOINT_POLICY)
        base.update(override)
        return base

    add("Every policy type allows: the baseline for the deny-precedence cases", src.DENY_ALLOW,
        "Requests must be explicitly allowed by a policy or set of policies following the evaluation logic below to be allowed.",
        ALLOWED, **everything())
    for what, override in (
            ("an identity-based policy", dict(identity=[get, no])),
            ("the resource-based policy", dict(resource_policy=denied)),
            ("the permissions boundary", dict(boundary=policy(allow("s3:*", "*"), deny("s3:GetObject", "*")))),
            ("a session policy", dict(session=[get, no])),
            ("an SCP at the root", dict(scps=levels(("r-root", [FULL_AWS_ACCESS, no]), ("ou-prod", [FULL_AWS_ACCESS]),
                                                    (ACCT, [FULL_AWS_ACCESS])))),
            ("an SCP at the account", dict(scps=levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [FULL_AWS_ACCESS]),
                                                       (ACCT, [FULL_AWS_ACCESS, no])))),
            ("an RCP", dict(rcps=levels(("r-root", []), (ACCT, [policy(deny("s3:GetObject", "*", principal="*"))]))))):
        add(f"Every other policy allows, {what} denies", src.DENY_ALLOW, deny_eval, EXPLICIT, **everything(**override))
    add("Every other policy allows, the VPC endpoint policy denies", src.VPC_ENDPOINT_POLICIES,
        "An endpoint policy is a resource-based policy that you attach to a VPC endpoint to control which AWS principals can use the endpoint to access an AWS service.",
        EXPLICIT, **everything(endpoint=policy(allow("*", "*", principal="*"), deny("s3:GetObject", "*", principal="*"))))
    add("A Deny whose condition does not match changes nothing", src.CONDITION,
        "The condition is evaluated to return true or false, which is then factored into whether the policy as a whole allows or denies the request.",
        ALLOWED, **everything(identity=[get, policy(deny("s3:GetObject", "*",
                                                       condition={"Bool": {"aws:SecureTransport": "false"}}))],
                              context={"aws:SecureTransport": boolean(True)}))
    return c
