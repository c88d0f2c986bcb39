"""Permissions boundaries and session policies, with the documentation's ShirleyRodriguez, Zhang and
GetFederationToken examples."""

from casekit import *  # noqa: F401,F403
import sources as src


def build():
    c = Corpus("aws-docs-boundaries-sessions.jsonl", "bound")
    n = iter(range(1, 1000))

    def add(description, source, quote, expected, **kw):
        c.add(next(n), description, source, quote, expected=expected, **kw)

    # ---- ShirleyRodriguez -------------------------------------------------------------------------------------
    shirley = user("ShirleyRodriguez")
    shirley_boundary = policy(allow(["s3:*", "cloudwatch:*", "ec2:*"], "*"))
    add("Shirley's boundary does not include IAM: iam:CreateUser fails although her policy allows it",
        src.BOUNDARIES,
        "If you attach this policy to the ShirleyRodriguez user, and Shirley tries to create a user, the operation fails. It fails because the policy evaluation logic checks the policy used as the permissions boundary, which does not allow the iam:CreateUser operation.",
        IMPLICIT, principal=shirley, action="iam:CreateUser", resource=user("newuser"),
        identity=[policy(allow("iam:CreateUser", "*"), version=V2012)], boundary=shirley_boundary)
    add("Shirley's boundary and a permissions policy both allow Amazon S3", src.BOUNDARIES,
        "To allow Shirley to perform any operations in AWS, you must add a permissions policy with actions in Amazon S3, Amazon CloudWatch, or Amazon EC2.",
        ALLOWED, principal=shirley, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt",
        identity=[policy(allow("s3:*", "*"))], boundary=shirley_boundary)
    add("A boundary alone grants nothing", src.BOUNDARIES,
        "When you use a policy to set the permissions boundary for a user, it limits the user's permissions but does not provide permissions on its own.",
        IMPLICIT, principal=shirley, action="s3:GetObject", resource="arn:aws:s3:::amzn-s3-demo-bucket/a.txt",
        boundary=shirley_boundary)

    # ---- XCompanyBoundaries and Zhang ---------------------------------------------------------------------------
    xcompany = policy(
        allow(["s3:*", "cloudwatch:*", "ec2:*", "dynamodb:*"], "*", sid="ServiceBoundaries"),
        allow(["iam:ListUsers", "iam:GetAccountPasswordPolicy"], "*", sid="AllowIAMConsoleForCredentials"),
        allow(["iam:*AccessKey*", "iam:ChangePassword", "iam:GetUser", "iam:*ServiceSpecificCredential*",
               "iam:*SigningCertificate*"], [f"arn:aws:iam::*:user/${{aws:username}}"],
              sid="AllowManageOwnPasswordAndAccessKeys"),
        deny("s3:*", ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"], sid="DenyS3Logs"),
        deny("ec2:*", "arn:aws:ec2:*:*:instance/i-1234567890abcdef0", sid="DenyEC2Production"))
    staff = user("nikhil")
    admin_like = [policy(allow("*", "*"))]
    add("XCompanyBoundaries: a user manages his own access keys", src.BOUNDARIES,
        "The AllowManageOwnPasswordAndAccessKeys statement allows the users manage only their own console password and programmatic access keys.",
        ALLOWED, principal=staff, action="iam:CreateAccessKey", resource=staff,
        context={"aws:username": s("nikhil")}, identity=admin_like, boundary=xcompany)
    add("XCompanyBoundaries: a user with full IAM permissions cannot manage another user's keys", src.BOUNDARIES,
        "This is important because if Zhang or another administrator gives a new user a permissions policy with full IAM access, that user could then change their own or other users' permissions. This statement prevents that from happening.",
        IMPLICIT, principal=staff, action="iam:CreateAccessKey", resource=user("maria"),
        context={"aws:username": s("nikhil")}, identity=admin_like, boundary=xcompany)
    add("XCompanyBoundaries: the logs bucket is explicitly denied", src.BOUNDARIES,
        "The DenyS3Logs statement explicitly denies access to the logs bucket.",
        EXPLICIT, principal=staff, action="s3:GetObject", resource="arn:aws:s3:::logs/today.log",
        identity=admin_like, boundary=xcompany)
    add("XCompanyBoundaries: the production instance is explicitly denied", src.BOUNDARIES,
        "The DenyEC2Production statement explicitly denies access to the i-1234567890abcdef0 instance.",
        EXPLICIT, principal=staff, action="ec2:StopInstances",
        resource=f"arn:aws:ec2:us-east-1:{ACCT}:instance/i-1234567890abcdef0", identity=admin_like, boundary=xcompany)
    add("XCompanyBoundaries: another instance is within the boundary", src.BOUNDARIES,
        "This means that a new user's actions in these services are limited only by the permissions policies that are attached to the user.",
        ALLOWED, principal=staff, action="ec2:StopInstances",
        resource=f"arn:aws:ec2:us-east-1:{ACCT}:instance/i-0fedcba9876543210", identity=admin_like, boundary=xcompany)
    add("XCompanyBoundaries: a service outside the boundary", src.BOUNDARIES,
        "The ServiceBoundaries statement of this policy allows full access to the specified AWS services.",
        IMPLICIT, principal=staff, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-1:{ACCT}:jobs",
        identity=admin_like, boundary=xcompany)

    xcompany_arn = f"arn:aws:iam::{ACCT}:policy/XCompanyBoundaries"
    delegated_boundary = policy(
        allow(["iam:CreateUser", "iam:DeleteUserPolicy", "iam:AttachUserPolicy", "iam:DetachUserPolicy",
               "iam:PutUserPermissionsBoundary"], "*", sid="CreateOrChangeOnlyWithBoundary",
              condition={"StringEquals": {"iam:PermissionsBoundary": xcompany_arn}}),
        allow(["cloudwatch:*", "iam:GetUser", "iam:ListUsers", "iam:DeleteUser", "iam:UpdateUser", "iam:CreateAccessKey",
               "iam:CreateLoginProfile", "iam:GetAccountPasswordPolicy", "iam:GetLoginProfile", "iam:*Group*",
               "iam:CreatePolicy", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:GetPolicy",
               "iam:GetPolicyVersion", "iam:GetUserPolicy", "iam:GetRolePolicy", "iam:ListPolicies",
               "iam:ListPolicyVersions", "iam:ListEntitiesForPolicy", "iam:ListUserPolicies",
               "iam:ListAttachedUserPolicies", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
               "iam:PutUserPolicy", "iam:SetDefaultPolicyVersion", "iam:SimulatePrincipalPolicy",
               "iam:SimulateCustomPolicy"], "*", sid="CloudWatchAndOtherIAMTasks"),
        deny(["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"],
             [xcompany_arn, f"arn:aws:iam::{ACCT}:policy/DelegatedUserBoundary"], sid="NoBoundaryPolicyEdit"),
        deny("iam:DeleteUserPermissionsBoundary", "*", sid="NoBoundaryUserDelete"))
    delegated_permissions = policy(
        allow("iam:*", "*", sid="IAM"),
        allow(["cloudwatch:GetDashboard", "cloudwatch:GetMetricData", "cloudwatch:ListDashboards",
               "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics"], "*", sid="CloudWatchLimited"))
    zhang = user("Zhang")
    z = dict(principal=zhang, identity=[delegated_permissions], boundary=delegated_boundary)
    add("Zhang creates a user with the XCompanyBoundaries boundary", src.BOUNDARIES,
        "The CreateOrChangeOnlyWithBoundary statement allows Zhang to create IAM users but only if he uses the XCompanyBoundaries policy to set the permissions boundary.",
        ALLOWED, action="iam:CreateUser", resource=user("newhire"),
        context={"iam:PermissionsBoundary": arn(xcompany_arn)}, **z)
    add("Zhang creates a user with another boundary", src.BOUNDARIES,
        "The CreateOrChangeOnlyWithBoundary statement allows Zhang to create IAM users but only if he uses the XCompanyBoundaries policy to set the permissions boundary.",
        IMPLICIT, action="iam:CreateUser", resource=user("newhire"),
        context={"iam:PermissionsBoundary": arn("arn:aws:iam::aws:policy/AdministratorAccess")}, **z)
    add("Zhang creates a user without any boundary", src.BOUNDARIES,
        "The CreateOrChangeOnlyWithBoundary statement allows Zhang to create IAM users but only if he uses the XCompanyBoundaries policy to set the permissions boundary.",
        IMPLICIT, action="iam:CreateUser", resource=user("newhire"), **z)
    add("Zhang cannot delete a permissions boundary", src.BOUNDARIES,
        "The NoBoundaryUserDelete statement denies Zhang access to delete the permissions boundary for himself or other users.",
        EXPLICIT, action="iam:DeleteUserPermissionsBoundary", resource=user("newhire"), **z)
    add("Zhang cannot change the XCompanyBoundaries policy", src.BOUNDARIES,
        "The NoBoundaryPolicyEdit statement denies Zhang access to update the XCompanyBoundaries policy.",
        EXPLICIT, action="iam:CreatePolicyVersion", resource=xcompany_arn, **z)
    add("Zhang can delete an ordinary customer managed policy", src.BOUNDARIES,
        "The CloudWatchAndOtherIAMTasks statement allows Zhang to complete other user, group, and policy management tasks.",
        ALLOWED, action="iam:DeletePolicy", resource=f"arn:aws:iam::{ACCT}:policy/TeamReadOnly", **z)
    add("Zhang's permissions policy allows iam:*, but his boundary does not include iam:CreateRole", src.BOUNDARIES,
        "This policy defines the maximum permissions that Zhang can have.",
        IMPLICIT, action="iam:CreateRole", resource=role("newrole"), **z)
    add("Zhang reads CloudWatch dashboards: both policies allow", src.BOUNDARIES,
        "This policy defines the operations that Zhang can perform, within the defined boundary.",
        ALLOWED, action="cloudwatch:GetDashboard", resource=f"arn:aws:cloudwatch::{ACCT}:dashboard/ops", **z)

    # ---- boundaries with other policy types -------------------------------------------------------------------
    maria = user("maria")
    get = policy(allow("s3:GetObject", "*"))
    put_only = policy(allow("s3:PutObject", "*"))
    obj = "arn:aws:s3:::amzn-s3-demo-bucket/a.txt"
    scp_quote = ("If both a permissions boundary (an advanced IAM feature) and an SCP are present, then the boundary, "
                 "the SCP, and the identity-based policy must all allow the action.")
    add("Boundary, SCP and identity policy all allow", src.SCPS, scp_quote, ALLOWED, principal=maria,
        action="s3:GetObject", resource=obj, identity=[get], boundary=get, scps=full_scps())
    add("Boundary and identity policy allow, but an SCP level does not", src.SCPS, scp_quote, IMPLICIT,
        principal=maria, action="s3:GetObject", resource=obj, identity=[get], boundary=get,
        scps=levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [policy(allow("ec2:*", "*"))]),
                    (ACCT, [FULL_AWS_ACCESS])))
    add("SCP and identity policy allow, but the boundary does not", src.BOUNDARIES,
        "If an IAM entity (user or role) makes a request that is affected by an SCP, a permissions boundary, and an identity-based policy, then the request is allowed only if all three policy types allow it.",
        IMPLICIT, principal=maria, action="s3:GetObject", resource=obj, identity=[get], boundary=put_only,
        scps=full_scps())
    add("An explicit deny in the boundary denies even with every other policy allowing", src.BOUNDARIES,
        "An explicit deny in either of these policies overrides the allow.",
        EXPLICIT, principal=maria, action="s3:GetObject", resource=obj, identity=[get],
        boundary=policy(allow("s3:*", "*"), deny("s3:GetObject", "*")))
    job = session("DataJob", "nightly")
    session_quote = ("The entity's identity-based policy permissions are limited by the session policy and the "
                     "permissions boundary. The effective permissions for this set of policy types are everything that "
                     "is allowed by all three types.")
    add("Role session: identity policy, boundary and session policy all allow", src.BOUNDARIES, session_quote, ALLOWED,
        principal=job, action="s3:GetObject", resource=obj, identity=[policy(allow("s3:*", "*"))], boundary=get,
        session=get)
    add("Role session: the role's boundary does not allow", src.SESSION_POLICIES,
        "In that case, the resulting session's permissions are the intersection of the session policy, the permissions boundary, and the identity-based policy.",
        IMPLICIT, principal=job, action="s3:GetObject", resource=obj, identity=[policy(allow("s3:*", "*"))],
        boundary=put_only, session=get)
    add("Role session: the role's boundary limits what the identity policy grants", src.BOUNDARIES,
        "The effective permissions are everything that is allowed by both policy types.",
        IMPLICIT, principal=job, action="s3:PutObject", resource=obj, identity=[policy(allow("s3:*", "*"))],
        boundary=get)

    # ---- session policies -------------------------------------------------------------------------------------
    s3_all = policy(allow("s3:*", "*"))
    intersection = ("The permissions for a session are the intersection of the identity-based policies for the IAM "
                    "entity (user or role) used to create the session and the session policies.")
    add("Session policy narrows the role: the allowed action", src.SESSION_POLICIES, intersection, ALLOWED,
        principal=job, action="s3:GetObject", resource=obj, identity=[s3_all], session=get)
    add("Session policy narrows the role: an action the session policy leaves out", src.SESSION_POLICIES, intersection,
        IMPLICIT, principal=job, action="s3:PutObject", resource=obj, identity=[s3_all], session=get)
    add("A session policy cannot grant more than the role's identity policy", src.GET_FEDERATION_TOKEN_PERMISSIONS,
        "You cannot use the session policy to grant more permissions than those allowed by the identity-based policy of the user that is being federated.",
        IMPLICIT, principal=job, action="iam:GetUser", resource=user("bob"), identity=[s3_all],
        session=policy(allow("iam:*", "*")))
    add("Inline and managed session policies: the managed one allows", src.SESSION_POLICIES,
        "You can pass a single JSON inline session policy document using the Policy parameter. You can use the PolicyArns parameter to specify up to 10 managed session policies.",
        ALLOWED, principal=job, action="s3:PutObject", resource=obj, identity=[s3_all],
        session=[("inline", get), ("managed-put", put_only)])
    add("A Deny in the session policy denies", src.SESSION_POLICIES,
        "An explicit deny in any of these policies overrides the allow.",
        EXPLICIT, principal=job, action="s3:GetObject", resource=obj, identity=[s3_all],
        session=policy(allow("s3:*", "*"), deny("s3:GetObject", "*")))
    add("Role session without a session policy: the role's identity policy decides", src.DENY_ALLOW,
        "If there is no session policy, the code checks whether the principal is a role session. If the principal is a role session, then the request is Allowed.",
        ALLOWED, principal=job, action="s3:PutObject", resource=obj, identity=[s3_all])
    add("Session policy with a session ARN grant: an explicit deny in the session policy still denies",
        src.SESSION_POLICIES, "An explicit deny in any of these policies overrides the allow.",
        EXPLICIT, principal=job, action="s3:GetObject", resource=obj,
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(job))),
        session=policy(deny("s3:*", "*")))
    add("Session ARN grant: permissions added after the session is created are not limited by the session policy",
        src.SESSION_POLICIES,
        "The resource-based policy permissions are not limited by the session policy. The resulting session has all the permissions of the resource-based policy plus the intersection of the identity-based policy and the session policy.",
        ALLOWED, principal=job, action="s3:GetObject", resource=obj, identity=[s3_all],
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(job))),
        session=put_only)

    # ---- GetFederationToken -----------------------------------------------------------------------------------
    fed = federated_user("jane")
    add("Federated user: the session policy and the federating user's policy both allow",
        src.GET_FEDERATION_TOKEN_PERMISSIONS,
        "When you create an AWS STS federated user session and pass session policies, the resulting session's permissions are the intersection of the user's identity-based policy and the session policies.",
        ALLOWED, principal=fed, action="s3:GetObject", resource=obj, identity=[s3_all], session=get,
        tags=["federated-user"])
    add("Federated user: the session policy allows what the federating user's policy does not",
        src.GET_FEDERATION_TOKEN_PERMISSIONS,
        "You cannot use the session policy to grant more permissions than those allowed by the identity-based policy of the user that is being federated.",
        IMPLICIT, principal=fed, action="s3:GetObject", resource=obj, identity=[put_only], session=get,
        tags=["federated-user"])
    add("Federated user without a session policy has no permissions", src.GET_FEDERATION_TOKEN,
        "This parameter is optional. However, if you do not pass any session policies, then the resulting federated user session has no permissions.",
        IMPLICIT, principal=fed, action="s3:GetObject", resource=obj, identity=[s3_all], tags=["federated-user"],
        notes="IAM User Guide, 'How AWS enforcement code logic evaluates requests': if there is no session policy and the principal is not a role session, the request is implicitly denied.")
    add("Federated user without a session policy: a resource policy naming the session still grants",
        src.GET_FEDERATION_TOKEN_PERMISSIONS,
        "However, a resource-based policy can provide additional permissions for the session. You can access a resource with a resource-based policy that specifies your session as the allowed principal.",
        ALLOWED, principal=fed, action="s3:GetObject", resource=obj, identity=[s3_all],
        resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", principal=aws(fed))),
        tags=["federated-user"])
    add("Federated user: the session policy denies", src.SESSION_POLICIES,
        "An explicit deny in any of these policies overrides the allow.",
        EXPLICIT, principal=fed, action="s3:GetObject", resource=obj, identity=[s3_all],
        session=policy(allow("s3:*", "*"), deny("s3:GetObject", "*")), tags=["federated-user"])
    return c
