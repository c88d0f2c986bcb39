"""Condition element: every operator family, ...IfExists, Null, negated operators on missing keys, set operators with
missing and empty sets, several keys (AND) and several values (OR / NOR), case-insensitive key names."""

from casekit import *  # noqa: F401,F403
import sources as src

MISSING = ("If the key that you specify in a policy condition is not present in the request context, the values do "
           "not match and the condition is false.")
NEGATED_MISSING = ("If the policy condition requires that the key is not matched, such as StringNotLike or "
                   "ArnNotLike, and the right key is not present, the condition is true.")


def build():
    c = Corpus("aws-docs-conditions.jsonl", "cond")
    alice = user("alice")
    obj = "arn:aws:s3:::amzn-s3-demo-bucket/report.csv"
    n = iter(range(1, 1000))

    def when(condition, action="s3:GetObject", resource="*"):
        """An identity policy whose single Allow statement carries the condition."""
        return policy(allow(action, resource, condition=condition))

    def case(description, source, quote, condition, context, expected, *, action="s3:GetObject", resource=obj,
             policy_resource="*", principal=alice, identity=None, **kw):
        c.add(next(n), description, source, quote, principal=principal, action=action, resource=resource,
              context=context, identity=identity or [when(condition, action, policy_resource)], expected=expected, **kw)

    # ---- String -----------------------------------------------------------------------------------------------
    eq_johndoe = {"StringEquals": {"aws:username": "johndoe"}}
    case("StringEquals matches the same user name", src.CONDITION,
         "the following condition includes the StringEquals operator to ensure that only requests made by johndoe will match.",
         eq_johndoe, {"aws:username": s("johndoe")}, ALLOWED)
    case("StringEquals is case sensitive: JohnDoe does not match johndoe", src.CONDITION,
         "Users named JohnDoe are denied access.", eq_johndoe, {"aws:username": s("JohnDoe")}, IMPLICIT)
    case("StringEqualsIgnoreCase matches JohnDoe against johndoe", src.CONDITION,
         "The following condition uses the StringEqualsIgnoreCase operator to match users named johndoe or JohnDoe.",
         {"StringEqualsIgnoreCase": {"aws:username": "johndoe"}}, {"aws:username": s("JohnDoe")}, ALLOWED)
    case("StringNotEquals: a different user name matches", src.OPERATORS, "StringNotEquals: Negated matching",
         {"StringNotEquals": {"aws:username": "johndoe"}}, {"aws:username": s("maria")}, ALLOWED)
    case("StringNotEquals: the same user name does not match", src.OPERATORS, "StringNotEquals: Negated matching",
         {"StringNotEquals": {"aws:username": "johndoe"}}, {"aws:username": s("johndoe")}, IMPLICIT)
    case("StringNotEqualsIgnoreCase: JOHNDOE equals johndoe ignoring case, so the negation fails", src.OPERATORS,
         "StringNotEqualsIgnoreCase: Negated matching, ignoring case",
         {"StringNotEqualsIgnoreCase": {"aws:username": "johndoe"}}, {"aws:username": s("JOHNDOE")}, IMPLICIT)
    david = {"StringLike": {"s3:prefix": ["David/*"]}}
    bucket = "arn:aws:s3:::mybucket"
    case("StringLike with * matches a longer prefix", src.OPERATORS,
         "The values can include multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the string.",
         david, {"s3:prefix": s("David/photos/")}, ALLOWED, action="s3:ListBucket", resource=bucket,
         policy_resource=bucket)
    case("StringLike: a prefix that does not start with David/", src.OPERATORS,
         "You must specify wildcards to achieve partial string matches.",
         david, {"s3:prefix": s("Dave/photos/")}, IMPLICIT, action="s3:ListBucket", resource=bucket,
         policy_resource=bucket)
    case("StringLike is case sensitive", src.OPERATORS, "StringLike: Case-sensitive matching.",
         david, {"s3:prefix": s("david/photos/")}, IMPLICIT, action="s3:ListBucket", resource=bucket,
         policy_resource=bucket)
    t_micro = {"StringLike": {"ec2:InstanceType": "t?.micro"}}
    instance = f"arn:aws:ec2:us-east-2:{ACCT}:instance/*"
    case("StringLike: ? matches exactly one character", src.OPERATORS,
         "The values can include multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the string.",
         t_micro, {"ec2:InstanceType": s("t3.micro")}, ALLOWED, action="ec2:RunInstances", resource=instance)
    case("StringLike: ? does not match two characters", src.OPERATORS,
         "single-character match wildcards (?)", t_micro, {"ec2:InstanceType": s("t3a.micro")}, IMPLICIT,
         action="ec2:RunInstances", resource=instance)
    home_only = [policy(allow("s3:ListBucket", bucket),
                        deny("s3:ListBucket", bucket, condition={"StringNotLike": {"s3:prefix": "home/*"}}))]
    case("Deny with StringNotLike: a prefix under home/ is not denied", src.OPERATORS,
         "StringNotLike: Negated case-sensitive matching. The values can include multi-character match wildcards (*) or single-character match wildcards (?) anywhere in the string.",
         None, {"s3:prefix": s("home/alice/")}, ALLOWED, action="s3:ListBucket", resource=bucket, identity=home_only)
    case("Deny with StringNotLike: a prefix outside home/ is denied", src.OPERATORS,
         "StringNotLike: Negated case-sensitive matching.",
         None, {"s3:prefix": s("finance/")}, EXPLICIT, action="s3:ListBucket", resource=bucket, identity=home_only)
    case("Deny with StringNotLike: the key is missing, so the negated condition is true", src.OPERATORS,
         NEGATED_MISSING, None, {}, EXPLICIT, action="s3:ListBucket", resource=bucket, identity=home_only)
    job = {"StringEquals": {"aws:PrincipalTag/job-category": "iamuser-admin"}}
    key_admin = [policy(allow("iam:*AccessKey*", f"arn:aws:iam::{ACCT}:user/*", condition=job))]
    case("StringEquals on a principal tag: the user has the tag", src.OPERATORS,
         "the principal making the request must be tagged with the iamuser-admin job category.",
         None, {"aws:PrincipalTag/job-category": s("iamuser-admin")}, ALLOWED, action="iam:CreateAccessKey",
         resource=user("bob"), identity=key_admin)
    case("StringEquals on a principal tag: the user has no such tag", src.OPERATORS,
         "If a user without the tag attempts to view or edit an access key, the condition returns false and the request is implicitly denied by this statement.",
         None, {}, IMPLICIT, action="iam:CreateAccessKey", resource=user("bob"), identity=key_admin)
    case("Allow with StringNotEquals: the key is missing, so the condition is true", src.OPERATORS, NEGATED_MISSING,
         {"StringNotEquals": {"aws:PrincipalTag/department": "finance"}}, {}, ALLOWED)
    departments = {"StringEquals": {"aws:PrincipalTag/department": ["finance", "hr", "legal"]}}
    case("Several values for one key are ORed: hr is one of them", src.MULTIPLE_KEYS,
         "If a single condition operator includes multiple values for a context key, those values are evaluated using a logical OR.",
         departments, {"aws:PrincipalTag/department": s("hr")}, ALLOWED)
    case("Several values for one key: none of them matches", src.MULTIPLE_KEYS,
         "If a single condition operator includes multiple values for a context key, those values are evaluated using a logical OR.",
         departments, {"aws:PrincipalTag/department": s("sales")}, IMPLICIT)
    not_departments = {"StringNotEquals": {"aws:PrincipalTag/department": ["finance", "hr"]}}
    case("Negated operator with several values is a NOR: the value equals one of them", src.MULTIPLE_KEYS,
         "In negated matching, a logical NOR or NOT OR returns true only if all values evaluate to false.",
         not_departments, {"aws:PrincipalTag/department": s("hr")}, IMPLICIT)
    case("Negated operator with several values is a NOR: the value equals none of them", src.MULTIPLE_KEYS,
         "If a single negated matching condition operator includes multiple values for a context key, those values are evaluated using a logical NOR.",
         not_departments, {"aws:PrincipalTag/department": s("legal")}, ALLOWED)

    # ---- Numeric ----------------------------------------------------------------------------------------------
    max_keys = {"NumericLessThanEquals": {"s3:max-keys": "10"}}
    example_bucket = "arn:aws:s3:::example_bucket"
    for value, expected, quote in (
            ("10", ALLOWED, "specify that the requester can list up to 10 objects in example_bucket at a time."),
            ("11", IMPLICIT, "NumericLessThanEquals: \"Less than or equals\" matching"),
            (None, IMPLICIT, MISSING)):
        case(f"NumericLessThanEquals s3:max-keys 10 with {'no max-keys' if value is None else 'max-keys ' + value}",
             src.OPERATORS, quote, max_keys, {} if value is None else {"s3:max-keys": num(value)}, expected,
             action="s3:ListBucket", resource=example_bucket, policy_resource=example_bucket)
    case("NumericLessThan: equal values do not match", src.OPERATORS, "NumericLessThan: \"Less than\" matching",
         {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}, {"aws:MultiFactorAuthAge": num("3600")}, IMPLICIT)
    case("NumericLessThan: a smaller value matches", src.OPERATORS, "NumericLessThan: \"Less than\" matching",
         {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}, {"aws:MultiFactorAuthAge": num("120")}, ALLOWED)
    case("NumericGreaterThan compares decimal values", src.OPERATORS,
         "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
         {"NumericGreaterThan": {"s3:TlsVersion": "1.2"}}, {"s3:TlsVersion": num("1.3")}, ALLOWED)
    case("NumericGreaterThan compares decimal values: 1.1 is not greater than 1.2", src.OPERATORS,
         "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
         {"NumericGreaterThan": {"s3:TlsVersion": "1.2"}}, {"s3:TlsVersion": num("1.1")}, IMPLICIT)
    case("NumericGreaterThanEquals: equal values match", src.OPERATORS,
         "NumericGreaterThanEquals: \"Greater than or equals\" matching",
         {"NumericGreaterThanEquals": {"ec2:VolumeSize": "100"}}, {"ec2:VolumeSize": num("100")}, ALLOWED,
         action="ec2:CreateVolume", resource=f"arn:aws:ec2:us-east-2:{ACCT}:volume/*")
    case("NumericGreaterThan: a smaller value does not match", src.OPERATORS,
         "NumericGreaterThan: \"Greater than\" matching",
         {"NumericGreaterThan": {"ec2:VolumeSize": "100"}}, {"ec2:VolumeSize": num("99")}, IMPLICIT,
         action="ec2:CreateVolume", resource=f"arn:aws:ec2:us-east-2:{ACCT}:volume/*")
    case("NumericEquals: equal numbers match", src.OPERATORS, "NumericEquals: Matching",
         {"NumericEquals": {"s3:max-keys": "5"}}, {"s3:max-keys": num("5")}, ALLOWED, action="s3:ListBucket",
         resource=example_bucket)
    case("NumericNotEquals: a different number matches", src.OPERATORS, "NumericNotEquals: Negated matching",
         {"NumericNotEquals": {"s3:max-keys": "5"}}, {"s3:max-keys": num("6")}, ALLOWED, action="s3:ListBucket",
         resource=example_bucket)
    case("NumericNotEquals: the key is missing, so the negated condition is true", src.OPERATORS, NEGATED_MISSING,
         {"NumericNotEquals": {"s3:max-keys": "5"}}, {}, ALLOWED, action="s3:ListBucket", resource=example_bucket)

    # ---- Date -------------------------------------------------------------------------------------------------
    issued_2020 = {"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}
    keys = [policy(allow("iam:*AccessKey*", f"arn:aws:iam::{ACCT}:user/*", condition=issued_2020))]
    role_session = session("admin", "maria")
    case("DateGreaterThan: credentials issued in 2020 match", src.OPERATORS,
         "This condition specifies that the temporary security credentials used to make the request were issued in 2020.",
         None, {"aws:TokenIssueTime": date("2020-03-15T10:00:00Z")}, ALLOWED, principal=role_session,
         action="iam:ListAccessKeys", resource=user("bob"), identity=keys)
    case("DateGreaterThan: credentials issued in 2019 do not match", src.OPERATORS,
         "DateGreaterThan: Matching after a specific a date and time",
         None, {"aws:TokenIssueTime": date("2019-12-31T23:59:59Z")}, IMPLICIT, principal=role_session,
         action="iam:ListAccessKeys", resource=user("bob"), identity=keys)
    case("DateGreaterThan on aws:TokenIssueTime for an IAM user with access keys (key absent)", src.OPERATORS,
         "In this example, if an IAM user attempts to view or edit an access key, the request is denied.",
         None, {}, IMPLICIT, action="iam:ListAccessKeys", resource=user("bob"), identity=keys)
    date_formats = ("You must specify date/time values with one of the W3C implementations of the ISO 8601 date "
                    "formats or in epoch (UNIX) time.")
    case("An epoch request value against an ISO 8601 policy value", src.OPERATORS, date_formats,
         {"DateGreaterThan": {"aws:EpochTime": "2024-01-01T00:00:00Z"}}, {"aws:EpochTime": date("1717243200")}, ALLOWED)
    case("An ISO 8601 request value against an epoch policy value", src.OPERATORS, date_formats,
         {"DateLessThan": {"aws:CurrentTime": "1717243200"}}, {"aws:CurrentTime": date("2024-06-01T11:59:59Z")},
         ALLOWED)
    case("DateEquals: the same instant in epoch and in ISO 8601", src.OPERATORS, date_formats,
         {"DateEquals": {"aws:EpochTime": "2024-06-01T12:00:00Z"}}, {"aws:EpochTime": date("1717243200")}, ALLOWED)
    case("DateLessThanEquals: the boundary instant matches", src.OPERATORS,
         "DateLessThanEquals: Matching at or before a specific date and time",
         {"DateLessThanEquals": {"aws:CurrentTime": "2024-06-01T12:00:00Z"}},
         {"aws:CurrentTime": date("2024-06-01T12:00:00Z")}, ALLOWED)
    case("DateLessThan: the boundary instant does not match", src.OPERATORS,
         "DateLessThan: Matching before a specific date and time",
         {"DateLessThan": {"aws:CurrentTime": "2024-06-01T12:00:00Z"}},
         {"aws:CurrentTime": date("2024-06-01T12:00:00Z")}, IMPLICIT)
    case("DateGreaterThanEquals: the boundary instant matches", src.OPERATORS,
         "DateGreaterThanEquals: Matching at or after a specific date and time",
         {"DateGreaterThanEquals": {"aws:CurrentTime": "2024-06-01T12:00:00Z"}},
         {"aws:CurrentTime": date("2024-06-01T12:00:00Z")}, ALLOWED)
    case("DateNotEquals: a different instant matches", src.OPERATORS, "DateNotEquals: Negated matching",
         {"DateNotEquals": {"aws:CurrentTime": "2024-06-01T12:00:00Z"}},
         {"aws:CurrentTime": date("2024-06-01T12:00:01Z")}, ALLOWED)
    case("DateEquals: a time zone offset names the same instant", src.OPERATORS, date_formats,
         {"DateEquals": {"aws:CurrentTime": "2024-06-01T12:00:00Z"}},
         {"aws:CurrentTime": date("2024-06-01T14:00:00+02:00")}, ALLOWED)
    case("DateGreaterThan with a date-only W3C value", src.OPERATORS, date_formats,
         {"DateGreaterThan": {"aws:CurrentTime": "2024-01-01"}}, {"aws:CurrentTime": date("2024-06-01T12:00:00Z")},
         ALLOWED)

    # ---- Bool -------------------------------------------------------------------------------------------------
    tls = [policy(allow("s3:*", "*")),
           policy(deny("s3:*", ["arn:aws:s3:::DOC-EXAMPLE-BUCKET", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*"],
                       sid="BooleanExample", condition={"Bool": {"aws:SecureTransport": "false"}}))]
    tls_obj = "arn:aws:s3:::DOC-EXAMPLE-BUCKET/a.txt"
    case("Bool: a request without SSL is denied", src.OPERATORS,
         "this identity-based policy uses the Bool condition operator with the aws:SecureTransport key to deny all S3 actions on a bucket and its contents if the request is not over SSL.",
         None, {"aws:SecureTransport": boolean(False)}, EXPLICIT, resource=tls_obj, identity=tls)
    case("Bool: a request over SSL is not denied", src.OPERATORS, "This policy does not allow any actions.",
         None, {"aws:SecureTransport": boolean(True)}, ALLOWED, resource=tls_obj, identity=tls)
    case("Bool: without aws:SecureTransport in the context the Deny does not apply", src.OPERATORS, MISSING,
         None, {}, ALLOWED, resource=tls_obj, identity=tls)
    mfa_deny = [policy(allow("iam:*", "*")),
                policy(deny("iam:DeleteUser", "*", condition={"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}))]
    case("BoolIfExists: MFA false, the Deny applies", src.OPERATORS,
         "If the policy key is present in the context of the request, process the key as specified in the policy.",
         None, {"aws:MultiFactorAuthPresent": boolean(False)}, EXPLICIT, action="iam:DeleteUser", resource=user("bob"),
         identity=mfa_deny)
    case("BoolIfExists: MFA true, the Deny does not apply", src.OPERATORS,
         "If the policy key is present in the context of the request, process the key as specified in the policy.",
         None, {"aws:MultiFactorAuthPresent": boolean(True)}, ALLOWED, action="iam:DeleteUser", resource=user("bob"),
         identity=mfa_deny)
    case("BoolIfExists: no MFA key (long-term access keys), the Deny applies", src.OPERATORS,
         "If the key is not present, evaluate the condition element as true.",
         None, {}, EXPLICIT, action="iam:DeleteUser", resource=user("bob"), identity=mfa_deny)

    # ---- Binary -----------------------------------------------------------------------------------------------
    blob = {"BinaryEquals": {"someservice:Checksum": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}
    bin_quote = ("It compares the value of the specified key byte for byte against a base-64 encoded representation "
                 "of the binary value in the policy.")
    case("BinaryEquals: the same bytes", src.OPERATORS, bin_quote, blob,
         {"someservice:Checksum": binary("QmluYXJ5VmFsdWVJbkJhc2U2NA==")}, ALLOWED)
    case("BinaryEquals: different bytes", src.OPERATORS, bin_quote, blob,
         {"someservice:Checksum": binary("T3RoZXJWYWx1ZQ==")}, IMPLICIT)
    case("BinaryEquals: the key is missing", src.OPERATORS, MISSING, blob, {}, IMPLICIT)

    # ---- IP address -------------------------------------------------------------------------------------------
    net = {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}
    ak = dict(action="iam:CreateAccessKey", resource=user("bob"), policy_resource=f"arn:aws:iam::{ACCT}:user/*")
    case("IpAddress: an address inside 203.0.113.0/24", src.OPERATORS,
         "the request must come from the IP range 203.0.113.0 to 203.0.113.255.",
         net, {"aws:SourceIp": ip("203.0.113.5")}, ALLOWED, **ak)
    case("IpAddress: an address outside the range", src.OPERATORS,
         "the request must come from the IP range 203.0.113.0 to 203.0.113.255.",
         net, {"aws:SourceIp": ip("198.51.100.7")}, IMPLICIT, **ak)
    case("IpAddress: no aws:SourceIp because the request came through a VPC endpoint", src.OPERATORS,
         "The aws:SourceIp key is always present in the request context, except when the requester uses a VPC endpoint to make the request. In this case, the condition returns false and the request is implicitly denied by this statement.",
         net, {}, IMPLICIT, **ak)
    host = {"IpAddress": {"aws:SourceIp": "203.0.113.5"}}
    case("IpAddress without a routing prefix is a /32: the same address", src.OPERATORS,
         "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32.",
         host, {"aws:SourceIp": ip("203.0.113.5")}, ALLOWED, **ak)
    case("IpAddress without a routing prefix is a /32: the next address", src.OPERATORS,
         "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32.",
         host, {"aws:SourceIp": ip("203.0.113.6")}, IMPLICIT, **ak)
    mixed = {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]}}
    mixed_quote = "The following example shows how to mix IPv4 and IPv6 addresses to cover all of your organization's valid IP addresses."
    case("IPv4 and IPv6 ranges: an IPv6 address in the /64", src.OPERATORS, mixed_quote, mixed,
         {"aws:SourceIp": ip("2001:db8:1234:5678::1")}, ALLOWED)
    case("IPv4 and IPv6 ranges: an IPv6 address outside the /64", src.OPERATORS, mixed_quote, mixed,
         {"aws:SourceIp": ip("2001:db8:1234:5679::1")}, IMPLICIT)
    case("IPv4 and IPv6 ranges: an IPv4 address in the /24", src.OPERATORS, mixed_quote, mixed,
         {"aws:SourceIp": ip("203.0.113.200")}, ALLOWED)
    office = [policy(allow("*", "*")),
              policy(deny("*", "*", condition={"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))]
    case("Deny with NotIpAddress: an address outside the office range is denied", src.OPERATORS,
         "NotIpAddress: All IP addresses except the specified IP address or range",
         None, {"aws:SourceIp": ip("198.51.100.7")}, EXPLICIT, identity=office)
    case("Deny with NotIpAddress: an address inside the office range is not denied", src.OPERATORS,
         "NotIpAddress: All IP addresses except the specified IP address or range",
         None, {"aws:SourceIp": ip("203.0.113.7")}, ALLOWED, identity=office)
    case("Deny with NotIpAddress: no aws:SourceIp, the negated condition is true", src.OPERATORS, NEGATED_MISSING,
         None, {}, EXPLICIT, identity=office)
    case("IpAddressIfExists: no aws:SourceIp, the condition is true", src.OPERATORS,
         "If the key is not present, evaluate the condition element as true.",
         {"IpAddressIfExists": {"aws:SourceIp": "203.0.113.0/24"}}, {}, ALLOWED)

    # ---- ARN --------------------------------------------------------------------------------------------------
    spanning = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
    case("ArnLike matches each colon-separated part separately, so a * cannot span parts", src.OPERATORS,
         "With an ArnLike condition, which matches elements between colons, the match fails.",
         {"ArnLike": {"aws:SourceArn": "arn:aws:someservice:*:111122223333:finance/*"}},
         {"aws:SourceArn": arn(spanning)}, IMPLICIT)
    case("StringLike on the same ARN lets the * span colons", src.OPERATORS,
         "With a StringLike condition, the match succeeds.",
         {"StringLike": {"aws:SourceArn": "arn:aws:someservice:*:111122223333:finance/*"}},
         {"aws:SourceArn": arn(spanning)}, ALLOWED)
    case("ArnEquals accepts wildcards exactly like ArnLike", src.OPERATORS,
         "The ArnEquals and ArnLike condition operators behave identically.",
         {"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:us-east-2:{ACCT}:topic*"}},
         {"aws:SourceArn": arn(f"arn:aws:sns:us-east-2:{ACCT}:topic1")}, ALLOWED)
    case("ArnLike with ? in the region part", src.OPERATORS,
         "Each of the six colon-delimited components of the ARN is checked separately and each can include multi-character match wildcards (*) or single-character match wildcards (?).",
         {"ArnLike": {"aws:SourceArn": f"arn:aws:sns:us-east-?:{ACCT}:*"}},
         {"aws:SourceArn": arn(f"arn:aws:sns:us-east-2:{ACCT}:topic1")}, ALLOWED)
    case("ArnLike is case sensitive", src.OPERATORS, "ArnEquals, ArnLike: Case-sensitive matching of the ARN.",
         {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCT}:role/Admin*"}},
         {"aws:PrincipalArn": arn(f"arn:aws:iam::{ACCT}:role/admin-ops")}, IMPLICIT)
    case("ArnNotLike: a different ARN matches", src.OPERATORS, "ArnNotEquals, ArnNotLike: Negated matching for ARN.",
         {"ArnNotLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCT}:role/Admin*"}},
         {"aws:PrincipalArn": arn(f"arn:aws:iam::{ACCT}:user/alice")}, ALLOWED)
    case("ArnNotLike: the key is missing, so the negated condition is true", src.OPERATORS, NEGATED_MISSING,
         {"ArnNotLike": {"aws:SourceArn": f"arn:aws:sns:us-east-2:{ACCT}:*"}}, {}, ALLOWED)

    # ---- ...IfExists ------------------------------------------------------------------------------------------
    types = ["t1.*", "t2.*", "m3.*"]
    run_if_exists = [policy(allow("ec2:RunInstances", "*", sid="RunInstance",
                                  condition={"StringLikeIfExists": {"ec2:InstanceType": types}}))]
    run_plain = [policy(allow("ec2:RunInstances", "*", sid="THISPOLICYDOESNOTWORK",
                              condition={"StringLike": {"ec2:InstanceType": types}}))]
    image = "arn:aws:ec2:us-east-2::image/ami-0abcdef1234567890"
    case("StringLikeIfExists: the instance resource with an allowed type", src.OPERATORS,
         "If the resource being checked has an \"ec2:InstanceType\" condition key, then allow the action only if the key value begins with \"t1.\", \"t2.\", or \"m3.\".",
         None, {"ec2:InstanceType": s("t2.micro")}, ALLOWED, action="ec2:RunInstances", resource=instance,
         identity=run_if_exists)
    case("StringLikeIfExists: the instance resource with another type", src.OPERATORS,
         "allow the action only if the key value begins with \"t1.\", \"t2.\", or \"m3.\".",
         None, {"ec2:InstanceType": s("m5.large")}, IMPLICIT, action="ec2:RunInstances", resource=instance,
         identity=run_if_exists)
    case("StringLikeIfExists: the image resource has no instance type", src.OPERATORS,
         "If the resource being checked does not have that condition key, then don't worry about it.",
         None, {}, ALLOWED, action="ec2:RunInstances", resource=image, identity=run_if_exists)
    case("StringLike without IfExists: the image resource has no instance type", src.OPERATORS,
         "These additional resources do not have the ec2:InstanceType condition key, so the StringLike check fails, and the user is not granted the ability to launch any instance type.",
         None, {}, IMPLICIT, action="ec2:RunInstances", resource=image, identity=run_plain)
    project = [policy(allow("ec2:*", "*")),
               policy(deny("ec2:TerminateInstances", "*",
                           condition={"StringNotEqualsIfExists": {"aws:ResourceTag/Project": "alpha"}}))]
    term = dict(action="ec2:TerminateInstances", resource=f"arn:aws:ec2:us-east-2:{ACCT}:instance/i-0123456789abcdef0")
    case("Deny with StringNotEqualsIfExists: the tag is missing, the request is still denied", src.OPERATORS,
         "If you are using an \"Effect\": \"Deny\" element with a negated condition operator like StringNotEqualsIfExists, the request is still denied even if the tag is missing.",
         None, {}, EXPLICIT, identity=project, **term)
    case("Deny with StringNotEqualsIfExists: the tag has the expected value", src.OPERATORS,
         "If the policy key is present in the context of the request, process the key as specified in the policy.",
         None, {"aws:ResourceTag/Project": s("alpha")}, ALLOWED, identity=project, **term)
    case("Deny with StringNotEqualsIfExists: the tag has another value", src.OPERATORS,
         "If the policy key is present in the context of the request, process the key as specified in the policy.",
         None, {"aws:ResourceTag/Project": s("beta")}, EXPLICIT, identity=project, **term)
    recent_mfa = {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}
    case("NumericLessThanIfExists: the key is missing", src.OPERATORS,
         "If the key is not present, evaluate the condition element as true.", recent_mfa, {}, ALLOWED)
    case("NumericLessThanIfExists: the key is present and too large", src.OPERATORS,
         "If the policy key is present in the context of the request, process the key as specified in the policy.",
         recent_mfa, {"aws:MultiFactorAuthAge": num("7200")}, IMPLICIT)
    both = {"StringEqualsIfExists": {"aws:ResourceTag/Project": "alpha"},
            "StringEquals": {"aws:PrincipalTag/Project": "alpha"}}
    case("IfExists makes only the missing key true: another condition in the statement still fails",
         src.OPERATORS,
         "Other condition elements in the statement can still result in a nonmatch, but not a missing key when checked with ...IfExists.",
         both, {"aws:PrincipalTag/Project": s("beta")}, IMPLICIT)

    # ---- Null -------------------------------------------------------------------------------------------------
    long_term = [policy(allow("ec2:*", "*", condition={"Null": {"aws:TokenIssueTime": "true"}}))]
    case("Null true: the user signs with long-term keys, aws:TokenIssueTime is absent", src.OPERATORS,
         "The following example shows a condition that states that the user must not be using temporary credentials (the key must not exist) for the user to use the Amazon EC2 API.",
         None, {}, ALLOWED, action="ec2:DescribeInstances", resource="*", wildcard_only=True, identity=long_term)
    case("Null true: a role session has aws:TokenIssueTime", src.OPERATORS,
         "If the user is using temporary credentials, then the key aws:TokenIssueTime exists and has a value.",
         None, {"aws:TokenIssueTime": date("2024-06-01T08:00:00Z")}, IMPLICIT, principal=session("ops", "maria"),
         action="ec2:DescribeInstances", resource="*", wildcard_only=True, identity=long_term)
    tagged = {"Null": {"aws:PrincipalTag/team": "false"}}
    case("Null false: the key exists", src.OPERATORS,
         "use either true (the key doesn't exist — it is null) or false (the key exists and its value is not null).",
         tagged, {"aws:PrincipalTag/team": s("blue")}, ALLOWED)
    case("Null false: the key does not exist", src.OPERATORS,
         "use either true (the key doesn't exist — it is null) or false (the key exists and its value is not null).",
         tagged, {}, IMPLICIT)

    # ---- set operators ----------------------------------------------------------------------------------------
    thread = f"arn:aws:dynamodb:us-east-2:{ACCT}:table/Thread"
    attrs = [policy(allow("dynamodb:GetItem", thread, condition={
        "ForAllValues:StringLike": {"dynamodb:requestedAttributes": ["PostDateTime", "Message", "Tags"]}}))]
    get_item = dict(action="dynamodb:GetItem", resource=thread, identity=attrs)
    case("ForAllValues: every requested attribute is in the list", src.SET_OPERATORS_2019,
         "If the user makes a request to DynamoDB to get the attributes PostDateTime and Message from the Threads table, the request is allowed",
         None, {"dynamodb:requestedAttributes": strings("PostDateTime", "Message")}, ALLOWED, **get_item)
    case("ForAllValues: UserName is not in the list", src.SET_OPERATORS_2019,
         "There's no match for UserName, so the condition operator returns false, and the policy does not allow the request.",
         None, {"dynamodb:requestedAttributes": strings("PostDateTime", "UserName")}, IMPLICIT, **get_item)
    case("ForAllValues: the key is missing", src.SINGLE_VS_MULTI,
         "It also returns true if there are no context keys in the request.",
         None, {}, ALLOWED, **get_item)
    case("ForAllValues: the key is an empty set", src.SET_OPERATORS_2019,
         "If the key values in the request resolve to an empty data set (for example, an empty string), a condition operator modified by ForAllValues returns true, and a condition operator modified by ForAnyValue returns false.",
         None, {"dynamodb:requestedAttributes": strings()}, ALLOWED, **get_item)
    put = [policy(allow("dynamodb:*", thread)),
           policy(deny("dynamodb:PutItem", thread, condition={
               "ForAnyValue:StringLike": {"dynamodb:requestedAttributes": ["ID", "PostDateTime"]}}))]
    put_item = dict(action="dynamodb:PutItem", resource=thread, identity=put)
    case("ForAnyValue Deny: PostDateTime is among the updated attributes", src.SET_OPERATORS_2019,
         "With the modifier ForAnyValue, if any one of these tests returns true, the condition returns true. The last test returns true, so the condition is true; because the Effect element is set to Deny, the request is denied.",
         None, {"dynamodb:requestedAttributes": strings("UserName", "Message", "PostDateTime")}, EXPLICIT, **put_item)
    case("ForAnyValue Deny: only UserName is updated", src.SET_OPERATORS_2019,
         "The condition returns false, so the effect of the policy (Deny) is also false, and the request is not denied by this policy.",
         None, {"dynamodb:requestedAttributes": strings("UserName")}, ALLOWED, **put_item)
    case("ForAnyValue Deny: the key is missing", src.SINGLE_VS_MULTI,
         "For no matching context key or if the key does not exist, the condition returns false.",
         None, {}, ALLOWED, **put_item)
    case("ForAnyValue Deny: the key is an empty set", src.SET_OPERATORS_2019,
         "a condition operator modified by ForAnyValue returns false.",
         None, {"dynamodb:requestedAttributes": strings()}, ALLOWED, **put_item)
    any_dept = {"ForAnyValue:StringEquals": {"aws:TagKeys": "Department"}}
    case("ForAnyValue Allow: one of the tag keys matches", src.SINGLE_VS_MULTI,
         "The condition returns true if any one of the context key values in the request matches any one of the context key values in the policy.",
         any_dept, {"aws:TagKeys": strings("Environment", "Department")}, ALLOWED, action="iam:TagUser",
         resource=user("bob"))
    case("ForAnyValue Allow: the key is missing", src.SINGLE_VS_MULTI,
         "For no matching context key or if the key does not exist, the condition returns false.",
         any_dept, {}, IMPLICIT, action="iam:TagUser", resource=user("bob"))
    case("ForAnyValue Allow: the key is an empty set", src.SET_OPERATORS_2019,
         "a condition operator modified by ForAnyValue returns false.",
         any_dept, {"aws:TagKeys": strings()}, IMPLICIT, action="iam:TagUser", resource=user("bob"))
    key1 = [policy(allow("iam:*", "*")),
            policy(deny(["iam:TagUser", "iam:TagRole"], "*", condition={"ForAllValues:StringLike": {"aws:TagKeys": "key1*"}}))]
    tag = dict(action="iam:TagUser", resource=user("bob"), identity=key1)
    case("Deny with ForAllValues: every tag key starts with key1", src.MULTI_EXAMPLES,
         "In order for context key aws:TagKeys to match, every value in the request context must match at least one value in the policy.",
         None, {"aws:TagKeys": strings("key1-legal", "key1-hr")}, EXPLICIT, **tag)
    case("Deny with ForAllValues: one tag key does not start with key1", src.MULTI_EXAMPLES,
         "In order for context key aws:TagKeys to match, every value in the request context must match at least one value in the policy.",
         None, {"aws:TagKeys": strings("key1-legal", "key2-ops")}, ALLOWED, **tag)
    case("Deny with ForAllValues: no tag keys in the request, the Deny applies", src.MULTI_EXAMPLES,
         "The ForAllValues set operator also returns true if there are no context keys in the request.",
         None, {}, EXPLICIT, **tag)
    guarded = {"ForAllValues:StringEquals": {"aws:TagKeys": ["Department", "CostCenter"]},
               "Null": {"aws:TagKeys": "false"}}
    null_guard = ("You can prevent missing context keys or context keys with empty values from evaluating to true by "
                  "including a Null condition operator in your policy with a value of false to check if the context "
                  "key in the request exists and its value is not null.")
    case("ForAllValues guarded by Null false: the key is missing", src.MULTI_EXAMPLES, null_guard,
         guarded, {}, IMPLICIT, action="iam:TagUser", resource=user("bob"))
    case("ForAllValues guarded by Null false: the key is an empty set", src.MULTI_EXAMPLES, null_guard,
         guarded, {"aws:TagKeys": strings()}, IMPLICIT, action="iam:TagUser", resource=user("bob"),
         tags=["doc-ambiguous"],
         notes="The sentence names keys 'with empty values'; an empty set is read here as such a key.")
    case("ForAllValues guarded by Null false: listed keys only", src.MULTI_EXAMPLES,
         "every value in the request context must match at least one value in the policy.",
         guarded, {"aws:TagKeys": strings("Department")}, ALLOWED, action="iam:TagUser", resource=user("bob"))

    # ---- several operators and keys: the documentation's two evaluation tables ----------------------------------
    audit_acct = "222222222222"
    table_bucket = "arn:aws:s3:::amzn-s3-demo-bucket"

    def table_policy(arn_operator):
        return policy(allow("s3:ListBucket", table_bucket, sid="ExamplePolicy", principal=aws(root(audit_acct)),
                            condition={
                                "StringEquals": {"aws:PrincipalTag/department": ["finance", "hr", "legal"],
                                                 "aws:PrincipalTag/role": ["audit", "security"]},
                                arn_operator: {"aws:PrincipalArn": [user("Ana", audit_acct), user("Mary", audit_acct)]}}))

    rows = [({"department": "legal", "role": "audit"}, "Mary", "Nikki", ALLOWED),
            ({"department": "hr", "role": "audit"}, "Nikki", "Mary", IMPLICIT),
            ({"department": "hr", "role": "payroll"}, "Mary", "Nikki", IMPLICIT),
            ({"department": "hr"}, "Mary", "Nikki", IMPLICIT),
            ({}, "Mary", "Nikki", IMPLICIT)]
    for arn_operator, quote in (
            ("ArnLike", "All context keys in a condition element block must resolve to true to invoke the desired Allow or Deny effect."),
            ("ArnNotLike", "Since the ArnNotLike condition operator uses negated matching, the principal ARN of the user making the request must not match any of the aws:PrincipalArn values specified in the policy to be evaluated as true.")):
        for tags, like_user, not_like_user, expected in rows:
            who = like_user if arn_operator == "ArnLike" else not_like_user
            context = {f"aws:PrincipalTag/{k}": s(v) for k, v in tags.items()}
            context["aws:PrincipalArn"] = arn(user(who, audit_acct))
            shown = ", ".join(f"{k}={v}" for k, v in tags.items()) or "no principal tags"
            c.add(next(n), f"{arn_operator} table row: {shown}, user {who}", src.MULTIPLE_KEYS, quote,
                  principal=user(who, audit_acct), action="s3:ListBucket", resource=table_bucket, account=ACCT,
                  context=context, identity=[policy(allow("s3:ListBucket", "*"))],
                  resource_policy=table_policy(arn_operator), expected=expected,
                  notes="Cross-account so that the bucket policy's conditions decide: the caller's identity policy allows.")

    # ---- key names are case-insensitive ------------------------------------------------------------------------
    case("The policy says aws:SourceIP, the request context has aws:SourceIp", src.CONDITION,
         "Condition key names are not case-sensitive. For example, including the aws:SourceIP condition key is equivalent to testing for AWS:SourceIp.",
         {"IpAddress": {"aws:SourceIP": "203.0.113.0/24"}}, {"aws:SourceIp": ip("203.0.113.10")}, ALLOWED)
    case("The policy says AWS:currenttime, the request context has aws:CurrentTime", src.VARIABLES,
         "Key names are case-insensitive. For example, aws:CurrentTime is equivalent to AWS:currenttime.",
         {"DateLessThan": {"AWS:currenttime": "2030-01-01T00:00:00Z"}},
         {"aws:CurrentTime": date("2024-06-01T12:00:00Z")}, ALLOWED)
    tag_key = {"StringEquals": {"ec2:ResourceTag/TagKey1": "Value1"}}
    stop = dict(action="ec2:StopInstances", resource=f"arn:aws:ec2:us-east-2:{ACCT}:instance/i-0123456789abcdef0")
    case("A tag key name in a condition key is not case sensitive", src.CONDITION,
         "This means that if you specify \"ec2:ResourceTag:TagKey1\": \"Value1\" in the condition element of your policy, then the condition matches a resource tag key named either TagKey1 or tagkey1, but not both.",
         tag_key, {"ec2:ResourceTag/tagkey1": s("Value1")}, ALLOWED, **stop)
    case("The tag value is still compared case-sensitively by StringEquals", src.CONDITION,
         "Case-sensitivity of condition key values depends on the condition operator that you use.",
         tag_key, {"ec2:ResourceTag/TagKey1": s("value1")}, IMPLICIT, **stop)
    case("Several condition operators are ANDed: one of them fails", src.MULTIPLE_KEYS,
         "If your policy statement has multiple condition operators, the condition operators are evaluated using a logical AND.",
         {"StringEquals": {"aws:PrincipalTag/department": "hr"}, "Bool": {"aws:SecureTransport": "true"}},
         {"aws:PrincipalTag/department": s("hr"), "aws:SecureTransport": boolean(False)}, IMPLICIT)
    case("Several keys under one operator are ANDed: both match", src.MULTIPLE_KEYS,
         "If your policy statement has multiple context keys attached to a single condition operator, the context keys are evaluated using a logical AND.",
         {"StringEquals": {"aws:PrincipalTag/department": "hr", "aws:PrincipalTag/role": "audit"}},
         {"aws:PrincipalTag/department": s("hr"), "aws:PrincipalTag/role": s("audit")}, ALLOWED)
    return c
