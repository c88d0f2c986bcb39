"""Service rules on top of the generic logic: KMS key policies, IAM role trust policies and sts:GetCallerIdentity."""

from casekit import *  # noqa: F401,F403
import sources as src


def build():
    c = Corpus("aws-docs-services.jsonl", "svc")
    n = iter(range(1, 1000))

    def add(description, source, quote, expected, **kw):
        c.add(next(n), description, source, quote, expected=expected, **kw)

    # ---- KMS key policies -------------------------------------------------------------------------------------
    kms = ["service-specific:kms"]
    key = f"arn:aws:kms:us-east-2:{ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    enable_iam = allow("kms:*", "*", principal=aws(root()), sid="Enable IAM User Permissions")
    default_key_policy = policy(enable_iam)
    decrypt = policy(allow("kms:Decrypt", key))
    ana = user("ana")
    add("Default key policy: an IAM policy allows kms:Decrypt", src.KMS_KEY_POLICIES,
        "The default key policy enables IAM policies.", ALLOWED, principal=ana, action="kms:Decrypt", resource=key,
        identity=[decrypt], resource_policy=default_key_policy, tags=kms)
    add("Default key policy: a user without an IAM policy for the key", src.KMS_KEY_POLICIES,
        "No AWS principal, including the account root user or key creator, has any permissions to a KMS key unless they are explicitly allowed, and never denied, in a key policy, IAM policy, or grant.",
        IMPLICIT, principal=ana, action="kms:Decrypt", resource=key, resource_policy=default_key_policy, tags=kms)
    names_ana = policy(allow(["kms:Decrypt", "kms:Encrypt"], "*", principal=aws(ana), sid="Allow use of the key"))
    add("A key policy that names the user grants without any IAM policy", src.KMS_KEY_POLICIES,
        "The statements in the key policy determine who has permission to use the KMS key and how they can use it.",
        ALLOWED, principal=ana, action="kms:Decrypt", resource=key, resource_policy=names_ana, tags=kms)
    add("Without the statement that enables IAM policies, an IAM policy cannot allow", src.KMS_KEY_POLICIES,
        "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key. Without permission from the key policy, IAM policies that allow permissions have no effect.",
        IMPLICIT, principal=user("bruno"), action="kms:Decrypt", resource=key, identity=[decrypt],
        resource_policy=names_ana, tags=kms)
    add("An IAM policy can deny a key the key policy grants", src.KMS_KEY_POLICIES,
        "(You can use an IAM policy to deny a permission to a KMS key without permission from a key policy.)",
        EXPLICIT, principal=ana, action="kms:Decrypt", resource=key, identity=[policy(deny("kms:*", "*"))],
        resource_policy=names_ana, tags=kms)
    add("The root user has no access to a key whose policy does not allow it", src.KMS_KEY_POLICIES,
        "No AWS principal, including the account root user or key creator, has any permissions to a KMS key unless they are explicitly allowed, and never denied, in a key policy, IAM policy, or grant.",
        IMPLICIT, principal=root(), action="kms:Decrypt", resource=key, resource_policy=names_ana,
        tags=kms + ["root-user"])
    add("The root user and the default key policy", src.KMS_KEY_POLICIES,
        "The default key policy enables IAM policies.", ALLOWED, principal=root(), action="kms:ScheduleKeyDeletion",
        resource=key, resource_policy=default_key_policy, tags=kms + ["root-user"])
    partner_policy = policy(enable_iam, allow(["kms:Decrypt"], "*", principal=aws(root(OTHER)), sid="AllowPartner"))
    add("Another account's user: the key policy grants the account and the user's IAM policy allows",
        src.CROSS_ACCOUNT,
        "The request is allowed only if both evaluations return a decision of Allow.",
        ALLOWED, principal=user("partner", OTHER), action="kms:Decrypt", resource=key, identity=[decrypt],
        resource_policy=partner_policy, tags=kms)
    add("Another account's user: the key policy grants the account but the user has no IAM policy",
        src.CROSS_ACCOUNT,
        "For cross-account requests, the requester in the trusted AccountA must have an identity-based policy.",
        IMPLICIT, principal=user("partner", OTHER), action="kms:Decrypt", resource=key,
        resource_policy=partner_policy, tags=kms)
    add("kms:CreateKey involves no key and is controlled by IAM policies", src.KMS_KEY_POLICIES,
        "You can also use IAM policies and grants to control access to the KMS key, but every KMS key must have a key policy.",
        ALLOWED, principal=ana, action="kms:CreateKey", resource="*", wildcard_only=True,
        identity=[policy(allow("kms:CreateKey", "*"))], tags=kms,
        notes="AWS KMS Developer Guide, 'Using IAM policies with AWS KMS': IAM policies are particularly useful for operations, such as CreateKey, that can't be controlled by a key policy because they don't involve any particular KMS key.")
    add("A key policy that names a role grants its session without an IAM policy", src.EVAL_LOGIC,
        "IAM role trust policies and KMS key policies are exceptions to this logic, because they must explicitly allow access for principals.",
        ALLOWED, principal=session("KeyUser", "app"), action="kms:Encrypt", resource=key,
        resource_policy=policy(allow("kms:Encrypt", "*", principal=aws(role("KeyUser")))), tags=kms)

    # ---- role trust policies ----------------------------------------------------------------------------------
    sts = ["service-specific:sts"]
    target = role("Deploy")
    assume = policy(allow("sts:AssumeRole", target))
    exceptions = ("IAM role trust policies and KMS key policies are exceptions to this logic, because they must "
                  "explicitly allow access for principals.")
    add("Same account: the trust policy names the user, who has no identity policy", src.EVAL_LOGIC,
        "If a resource-based policy grants permission directly to the IAM user or the session principal that is making the request, then an implicit deny in an identity-based policy, a permissions boundary, or a session policy does not impact the final decision.",
        ALLOWED, principal=user("dev"), action="sts:AssumeRole", resource=target,
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(user("dev")))), tags=sts)
    add("Same account: the trust policy trusts the account and the user's policy allows AssumeRole", src.PRINCIPAL,
        "When you specify an AWS account, you can use the account ARN (arn:aws:iam::account-ID:root), or a shortened form that consists of the \"AWS\": prefix followed by the account ID.",
        ALLOWED, principal=user("dev"), action="sts:AssumeRole", resource=target, identity=[assume],
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(root()))), tags=sts)
    add("Same account: the trust policy trusts the account but the user has no policy", src.PRINCIPAL,
        "This delegates authority to the account.",
        IMPLICIT, principal=user("dev"), action="sts:AssumeRole", resource=target,
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(root()))), tags=sts)
    add("Same account: the user's policy allows AssumeRole but the trust policy names someone else", src.EVAL_LOGIC,
        exceptions, IMPLICIT, principal=user("dev"), action="sts:AssumeRole", resource=target, identity=[assume],
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(user("ops")))), tags=sts)
    add("Another account assumes the role: the trust policy trusts that account and its user may assume",
        src.CROSS_ACCOUNT,
        "In IAM, you can attach a resource-based policy to an IAM role to allow principals in other accounts to assume that role.",
        ALLOWED, principal=user("dev", OTHER), action="sts:AssumeRole", resource=target, identity=[assume],
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(OTHER))), tags=sts)
    add("Another account assumes the role: its user has no permission to assume it", src.CROSS_ACCOUNT,
        "The principal's identity-based policy must allow the requested access to the resource in the trusting service.",
        IMPLICIT, principal=user("dev", OTHER), action="sts:AssumeRole", resource=target,
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(OTHER))), tags=sts)
    external_id = policy(allow("sts:AssumeRole", principal=aws(OTHER),
                               condition={"StringEquals": {"sts:ExternalId": "Unique ID Assigned by Example Corp"}}))
    add("A trust policy requiring an external ID: the caller passes it", src.OPERATORS,
        "Use condition operators in the Condition element to match the condition key and value in the policy against values in the request context.",
        ALLOWED, principal=user("dev", OTHER), action="sts:AssumeRole", resource=target, identity=[assume],
        context={"sts:ExternalId": s("Unique ID Assigned by Example Corp")}, resource_policy=external_id, tags=sts)
    add("A trust policy requiring an external ID: the caller passes none", src.OPERATORS,
        "If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false.",
        IMPLICIT, principal=user("dev", OTHER), action="sts:AssumeRole", resource=target, identity=[assume],
        resource_policy=external_id, tags=sts)
    add("Role chaining: a session of RoleA assumes RoleB, whose trust policy names RoleA", src.PRINCIPAL,
        "You can specify IAM role principal ARNs in the Principal element of a resource-based policy or in condition keys that support principals.",
        ALLOWED, principal=session("RoleA", "chain"), action="sts:AssumeRole", resource=role("RoleB"),
        identity=[policy(allow("sts:AssumeRole", role("RoleB")))],
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(role("RoleA")))), tags=sts)
    add("An explicit deny in a trust policy", src.EVAL_LOGIC, "An explicit deny in any policy overrides any allows.",
        EXPLICIT, principal=user("dev", OTHER), action="sts:AssumeRole", resource=target, identity=[assume],
        resource_policy=policy(allow("sts:AssumeRole", principal=aws(OTHER)),
                               deny("sts:AssumeRole", principal=aws(user("dev", OTHER)))), tags=sts)
    two_services = policy(allow("sts:AssumeRole", principal=service("ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com")))
    svc_role = role("ecs-service-role")
    add("A service role trusted by two services: Elastic Load Balancing assumes it", src.PRINCIPAL,
        "The policy enables two services, Amazon ECS and Elastic Load Balancing, to assume the role.",
        ALLOWED, principal="elasticloadbalancing.amazonaws.com", action="sts:AssumeRole", resource=svc_role,
        resource_policy=two_services, tags=sts)
    add("A service role trusted by two services: a third service", src.PRINCIPAL,
        "To specify multiple service principals, you do not specify two Service elements; you can have only one. Instead, you use an array of multiple service principals as the value of a single Service element.",
        IMPLICIT, principal="lambda.amazonaws.com", action="sts:AssumeRole", resource=svc_role,
        resource_policy=two_services, tags=sts)
    saml = f"arn:aws:iam::{ACCT}:saml-provider/ExampleProvider"
    add("AssumeRoleWithSAML from the SAML provider the trust policy names", src.PRINCIPAL,
        "Use this principal type in your policy to allow or deny access based on the trusted SAML identity provider.",
        ALLOWED, principal=saml, action="sts:AssumeRoleWithSAML", resource=role("SamlAdmins"),
        resource_policy=policy(allow("sts:AssumeRoleWithSAML", principal=federated(saml))), tags=sts)
    cognito = policy(allow("sts:AssumeRoleWithWebIdentity", principal=federated("cognito-identity.amazonaws.com"),
                           condition={"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-2:12345678-abcd-abcd-abcd-123456790ab"}}))
    add("AssumeRoleWithWebIdentity from the trusted identity pool", src.PRINCIPAL,
        "Use this principal type in your policy to allow or deny access based on the trusted web identity provider.",
        ALLOWED, principal="cognito-identity.amazonaws.com", action="sts:AssumeRoleWithWebIdentity",
        resource=role("MobileApp"),
        context={"cognito-identity.amazonaws.com:aud": s("us-east-2:12345678-abcd-abcd-abcd-123456790ab")},
        resource_policy=cognito, tags=sts)
    add("AssumeRoleWithWebIdentity from another identity pool", src.PRINCIPAL,
        "Use this principal type in your policy to allow or deny access based on the trusted web identity provider.",
        IMPLICIT, principal="cognito-identity.amazonaws.com", action="sts:AssumeRoleWithWebIdentity",
        resource=role("MobileApp"),
        context={"cognito-identity.amazonaws.com:aud": s("us-east-2:99999999-abcd-abcd-abcd-123456790ab")},
        resource_policy=cognito, tags=sts)

    # ---- sts:GetCallerIdentity --------------------------------------------------------------------------------
    add("GetCallerIdentity with an explicit deny in the caller's policy", src.GET_CALLER_IDENTITY,
        "If an administrator attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation.",
        ALLOWED, principal=user("dev"), action="sts:GetCallerIdentity", resource="*", wildcard_only=True,
        identity=[policy(deny("sts:GetCallerIdentity", "*"))], tags=sts)
    add("GetCallerIdentity without any policy", src.GET_CALLER_IDENTITY,
        "No permissions are required to perform this operation.",
        ALLOWED, principal=user("dev"), action="sts:GetCallerIdentity", resource="*", wildcard_only=True, tags=sts)
    add("GetCallerIdentity from a role session whose session policy allows nothing", src.GET_CALLER_IDENTITY,
        "No permissions are required to perform this operation.",
        ALLOWED, principal=session("Deploy", "ci"), action="sts:GetCallerIdentity", resource="*", wildcard_only=True,
        identity=[policy(allow("s3:*", "*"))], session=policy(allow("s3:GetObject", "*")), tags=sts)
    return c
