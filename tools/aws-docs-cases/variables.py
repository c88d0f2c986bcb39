"""Policy variables: in Resource and in string and ARN conditions, principal tags, default values, the special
variables ${*} ${?} ${$}, variables without a value, and Version 2008-10-17 where variables are literal text."""

from casekit import *  # noqa: F401,F403
import sources as src

NO_VALUE_RESOURCE = ("If a variable that has no value in the authorization context is used as part of the Resource "
                     "or NotResource element of a policy, the resource that includes a policy variable with no value "
                     "will not match any resource.")


def build():
    c = Corpus("aws-docs-variables.jsonl", "var")
    n = iter(range(1, 1000))
    alice = user("alice")
    as_alice = {"aws:username": s("alice")}

    def add(description, source, quote, expected, *, principal=alice, action="s3:GetObject", resource,
            context=None, identity, **kw):
        c.add(next(n), description, source, quote, principal=principal, action=action, resource=resource,
              context=context, identity=identity, expected=expected, **kw)

    home = policy(allow(["s3:ListBucket"], ["arn:aws:s3:::mybucket"],
                        condition={"StringLike": {"s3:prefix": ["${aws:username}/*"]}}),
                  allow(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::mybucket/${aws:username}/*"]))
    replaces = ("When this policy is evaluated, IAM replaces the variable ${aws:username} with the friendly name of "
                "the actual current user.")
    add("${aws:username} in Resource: alice reads her own folder", src.VARIABLES, replaces, ALLOWED,
        resource="arn:aws:s3:::mybucket/alice/notes.txt", context=as_alice, identity=[home])
    add("${aws:username} in Resource: alice reads bob's folder", src.VARIABLES, replaces, IMPLICIT,
        resource="arn:aws:s3:::mybucket/bob/notes.txt", context=as_alice, identity=[home])
    add("${aws:username} in a StringLike condition: alice lists her own prefix", src.VARIABLES,
        "You can use a policy variable for Condition values in any condition that involves the string operators or the ARN operators.",
        ALLOWED, action="s3:ListBucket", resource="arn:aws:s3:::mybucket",
        context={"aws:username": s("alice"), "s3:prefix": s("alice/docs/")}, identity=[home])
    add("${aws:username} in a StringLike condition: alice lists bob's prefix", src.VARIABLES,
        "You can use a policy variable for Condition values in any condition that involves the string operators or the ARN operators.",
        IMPLICIT, action="s3:ListBucket", resource="arn:aws:s3:::mybucket",
        context={"aws:username": s("alice"), "s3:prefix": s("bob/docs/")}, identity=[home])
    add("A role session has no aws:username: the Resource with the variable matches nothing", src.VARIABLES,
        NO_VALUE_RESOURCE, IMPLICIT, principal=session("reader", "alice"),
        resource="arn:aws:s3:::mybucket/alice/notes.txt", identity=[home],
        notes="IAM User Guide, principal key values: aws:username is (not present) for an assumed role.")
    own_keys = policy(allow(["iam:*AccessKey*"], [f"arn:aws:iam::{ACCT}:user/${{aws:username}}"]))
    add("Manage your own access keys: alice on her own user", src.VARIABLES,
        "When a user makes a request to modify his or her access key, IAM substitutes the user name from the current request for the ${aws:username} variable and evaluates the policy.",
        ALLOWED, action="iam:CreateAccessKey", resource=user("alice"), context=as_alice, identity=[own_keys])
    add("Manage your own access keys: alice on bob", src.VARIABLES,
        "When a user makes a request to modify his or her access key, IAM substitutes the user name from the current request for the ${aws:username} variable and evaluates the policy.",
        IMPLICIT, action="iam:DeleteAccessKey", resource=user("bob"), context=as_alice, identity=[own_keys])
    queues = policy(allow("sqs:ListQueues", "*", sid="ListForConsole"),
                    allow("sqs:*", "arn:aws:sqs:us-east-2:*:${aws:username}-queue", sid="AllQueueActions"))
    add("Queues named after the user in us-east-2: alice-queue", src.VARIABLES,
        "It gives users in that group the ability to create, use, and delete queues that have their names and that are in the us-east-2 Region.",
        ALLOWED, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:alice-queue", context=as_alice,
        identity=[queues])
    add("Queues named after the user: the same queue name in another Region", src.VARIABLES,
        "It gives users in that group the ability to create, use, and delete queues that have their names and that are in the us-east-2 Region.",
        IMPLICIT, action="sqs:SendMessage", resource=f"arn:aws:sqs:eu-west-1:{ACCT}:alice-queue", context=as_alice,
        identity=[queues])
    dept = policy(allow("s3:GetObject", ["arn:aws:s3:::bucket/${aws:PrincipalTag/department}"]))
    add("A principal tag as a variable in Resource", src.VARIABLES,
        "To replace part of an ARN with a tag value, surround the prefix and key name with ${ }.",
        ALLOWED, resource="arn:aws:s3:::bucket/hr", context={"aws:PrincipalTag/department": s("hr")}, identity=[dept])
    add("A principal tag as a variable in Resource: another department's resource", src.VARIABLES,
        "To replace part of an ARN with a tag value, surround the prefix and key name with ${ }.",
        IMPLICIT, resource="arn:aws:s3:::bucket/finance", context={"aws:PrincipalTag/department": s("hr")},
        identity=[dept])
    access = policy(allow(["sns:CreateTopic", "sns:DeleteTopic"],
                          ["arn:aws:sns:*:*:${aws:PrincipalTag/access-project}-${aws:PrincipalTag/access-application}-${aws:PrincipalTag/access-environment}-*"],
                          sid="AllowAccessBasedOnArnMatching"))
    tags = {"aws:PrincipalTag/access-project": s("alpha"), "aws:PrincipalTag/access-application": s("web"),
            "aws:PrincipalTag/access-environment": s("prod")}
    only = ("The following IAM policy ensures that only intended users with matching access-project, "
            "access-application, and access-environment tag values can modify their resources.")
    add("Three principal tags in one ARN: the topic carries all three values", src.VARIABLES, only, ALLOWED,
        action="sns:CreateTopic", resource=f"arn:aws:sns:us-east-2:{ACCT}:alpha-web-prod-orders", context=tags,
        identity=[access])
    add("Three principal tags in one ARN: the environment differs", src.VARIABLES, only, IMPLICIT,
        action="sns:CreateTopic", resource=f"arn:aws:sns:us-east-2:{ACCT}:alpha-web-dev-orders", context=tags,
        identity=[access])
    add("Three principal tags in one ARN: one tag is missing", src.VARIABLES, NO_VALUE_RESOURCE, IMPLICIT,
        action="sns:CreateTopic", resource=f"arn:aws:sns:us-east-2:{ACCT}:alpha-web-prod-orders",
        context={k: v for k, v in tags.items() if not k.endswith("environment")}, identity=[access])

    team = policy(allow("s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}"))
    defaults = ("For users without team tags, it sets a default value of company-wide for the bucket name. These "
                "users can access only the amzn-s3-demo-bucket-company-wide bucket")
    yellow = {"aws:PrincipalTag/team": s("yellow")}
    add("Default value: a user tagged team=yellow lists the yellow bucket", src.VARIABLES,
        "if a principal is tagged with team=yellow, they can access ExampleCorp's Amazon S3 bucket named amzn-s3-demo-bucket-yellow.",
        ALLOWED, action="s3:ListBucket", resource="arn:aws:s3:::amzn-s3-demo-bucket-yellow", context=yellow,
        identity=[team])
    add("Default value: a user tagged team=yellow lists the company-wide bucket", src.VARIABLES,
        "A policy with this resource allows team members to access their team bucket, but not those of other teams.",
        IMPLICIT, action="s3:ListBucket", resource="arn:aws:s3:::amzn-s3-demo-bucket-company-wide", context=yellow,
        identity=[team])
    add("Default value: an untagged user lists the company-wide bucket", src.VARIABLES, defaults, ALLOWED,
        action="s3:ListBucket", resource="arn:aws:s3:::amzn-s3-demo-bucket-company-wide", identity=[team])
    add("Default value: an untagged user lists the yellow bucket", src.VARIABLES, defaults, IMPLICIT,
        action="s3:ListBucket", resource="arn:aws:s3:::amzn-s3-demo-bucket-yellow", identity=[team])
    shared = policy(allow("s3:ListBucket", "arn:aws:s3:::mybucket",
                          condition={"StringEquals": {"s3:prefix": "${aws:PrincipalTag/team, 'shared'}/"}}))
    add("Default value in a condition: an untagged user lists shared/", src.VARIABLES,
        "To add a default value to a variable, surround the default value with single quotes (' '), and separate the variable text and the default value with a comma and space (, ).",
        ALLOWED, action="s3:ListBucket", resource="arn:aws:s3:::mybucket", context={"s3:prefix": s("shared/")},
        identity=[shared])
    add("Default value in a condition: a user tagged team=blue lists shared/", src.VARIABLES,
        "To add a default value to a variable, surround the default value with single quotes (' '), and separate the variable text and the default value with a comma and space (, ).",
        IMPLICIT, action="s3:ListBucket", resource="arn:aws:s3:::mybucket",
        context={"s3:prefix": s("shared/"), "aws:PrincipalTag/team": s("blue")}, identity=[shared])

    # ---- special characters ----------------------------------------------------------------------------------
    def prefix_policy(operator, value):
        return policy(allow("s3:ListBucket", "arn:aws:s3:::mybucket", condition={operator: {"s3:prefix": value}}))

    star = policy(allow("s3:ListBucket", "arn:aws:s3:::mybucket", condition={"StringLike": {"s3:prefix": "reports/${*}"}}))
    lst = dict(action="s3:ListBucket", resource="arn:aws:s3:::mybucket")
    add("${*} stands for a literal asterisk: the prefix is reports/*", src.VARIABLES,
        "${*} - use where you need an * (asterisk) character.", ALLOWED,
        context={"s3:prefix": s("reports/*")}, identity=[star], **lst)
    add("${*} is not a wildcard: the prefix reports/2024 does not match", src.VARIABLES,
        "For example, inserting an * asterisk in the string would be interpreted as a wildcard, matching any characters, instead of as a literal *. In these cases, you can use the following predefined policy variables",
        IMPLICIT, context={"s3:prefix": s("reports/2024")}, identity=[star], **lst)
    add("${?} stands for a literal question mark", src.VARIABLES,
        "${?} - use where you need a ? (question mark) character.", ALLOWED,
        context={"s3:prefix": s("what?")}, identity=[prefix_policy("StringLike", "what${?}")], **lst)
    add("${?} is not a single-character wildcard", src.VARIABLES,
        "${?} - use where you need a ? (question mark) character.", IMPLICIT,
        context={"s3:prefix": s("whatX")}, identity=[prefix_policy("StringLike", "what${?}")], **lst)
    add("${$} stands for a literal dollar sign", src.VARIABLES,
        "${$} - use where you need a $ (dollar sign) character.", ALLOWED,
        context={"s3:prefix": s("cost$")}, identity=[prefix_policy("StringEquals", "cost${$}")], **lst)

    # ---- variables without a value ----------------------------------------------------------------------------
    team_deny = [policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*")),
                 policy(deny("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*",
                             condition={"StringNotEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}))]
    obj = "arn:aws:s3:::amzn-s3-demo-bucket/plan.txt"
    add("StringNotEquals against a principal tag the caller lacks: explicitly denied", src.VARIABLES,
        "Access is explicitly denied when aws:principaltag/Team is not set.", EXPLICIT, resource=obj,
        context={"s3:ExistingObjectTag/Team": s("blue")}, identity=team_deny)
    add("StringNotEquals against a principal tag: the object's team matches the caller's", src.VARIABLES,
        "In the following example, aws:principaltag/Team must be equal to s3:ExistingObjectTag/Team to allow access.",
        ALLOWED, resource=obj,
        context={"s3:ExistingObjectTag/Team": s("blue"), "aws:PrincipalTag/Team": s("blue")}, identity=team_deny)
    add("StringNotEquals against a principal tag: the object belongs to another team", src.VARIABLES,
        "In the following example, aws:principaltag/Team must be equal to s3:ExistingObjectTag/Team to allow access.",
        EXPLICIT, resource=obj,
        context={"s3:ExistingObjectTag/Team": s("blue"), "aws:PrincipalTag/Team": s("red")}, identity=team_deny)
    team_allow = policy(allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*",
                              condition={"StringEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}))
    add("StringEquals against a principal tag the caller lacks does not match", src.VARIABLES,
        "When you use a variable with no value in the condition element of an IAM policy, IAM JSON policy elements: Condition operators like StringEquals or StringLike do not match, and the policy statement does not take effect.",
        IMPLICIT, resource=obj, context={"s3:ExistingObjectTag/Team": s("blue")}, identity=[team_allow])
    add("StringNotLike against a variable without a value matches", src.VARIABLES,
        "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value, as the value of the condition key they are testing against is not equal to or like the effectively null value.",
        ALLOWED, resource=obj, context={"s3:ExistingObjectTag/Team": s("blue")},
        identity=[policy(allow("s3:GetObject", "*",
                               condition={"StringNotLike": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}))])
    source_topic = policy(allow("sqs:SendMessage", "*",
                                condition={"ArnLike": {"aws:SourceArn": f"arn:aws:sns:us-east-2:{ACCT}:${{aws:PrincipalTag/team}}-*"}}))
    add("A variable in an ArnLike condition value", src.OPERATORS,
        "You can use a policy variable with the ARN condition operator.", ALLOWED,
        action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1",
        context={"aws:PrincipalTag/team": s("blue"), "aws:SourceArn": arn(f"arn:aws:sns:us-east-2:{ACCT}:blue-alerts")},
        identity=[source_topic])
    add("A variable in an ArnLike condition value: another team's topic", src.OPERATORS,
        "You can use a policy variable with the ARN condition operator.", IMPLICIT,
        action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCT}:queue1",
        context={"aws:PrincipalTag/team": s("blue"), "aws:SourceArn": arn(f"arn:aws:sns:us-east-2:{ACCT}:red-alerts")},
        identity=[source_topic])
    add("Variable names are case-insensitive like key names: ${AWS:UserName}", src.VARIABLES,
        "Key names are case-insensitive. For example, aws:CurrentTime is equivalent to AWS:currenttime.", ALLOWED,
        resource="arn:aws:s3:::mybucket/alice/notes.txt", context=as_alice,
        identity=[policy(allow("s3:GetObject", "arn:aws:s3:::mybucket/${AWS:UserName}/*"))])

    # ---- Version 2008-10-17: no variables ----------------------------------------------------------------------
    old_home = policy(allow(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::mybucket/${aws:username}/*"]),
                      version=V2008)
    literal = ("Newer features, such as policy variables, will not work with your policy. For example, variables such "
               "as ${aws:username} aren't recognized as variables and are instead treated as literal strings in the policy.")
    add("Version 2008-10-17: ${aws:username} is not replaced", src.VERSION, literal, IMPLICIT,
        resource="arn:aws:s3:::mybucket/alice/notes.txt", context=as_alice, identity=[old_home])
    add("Version 2008-10-17: the text ${aws:username} matches itself", src.VERSION, literal, ALLOWED,
        resource="arn:aws:s3:::mybucket/${aws:username}/notes.txt", context=as_alice, identity=[old_home])
    add("Version 2008-10-17: a variable in a condition value is literal text too", src.VERSION, literal, IMPLICIT,
        action="s3:ListBucket", resource="arn:aws:s3:::mybucket",
        context={"aws:username": s("alice"), "s3:prefix": s("alice/")},
        identity=[policy(allow("s3:ListBucket", "arn:aws:s3:::mybucket",
                               condition={"StringLike": {"s3:prefix": "${aws:username}/*"}}), version=V2008)])
    add("No Version element: variables are literal strings", src.VARIABLES,
        "If you don't include the Version element and set it to an appropriate version date, variables like ${aws:username} are treated as literal strings in the policy.",
        IMPLICIT, resource="arn:aws:s3:::mybucket/alice/notes.txt", context=as_alice,
        identity=[policy(allow("s3:GetObject", "arn:aws:s3:::mybucket/${aws:username}/*"), version=None)])
    return c
