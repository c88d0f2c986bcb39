"""Small builders for authorization cases in the engine-neutral case format (../shared/policy-eval/FORMAT.md).

Every case of the AWS documentation corpus is written with these helpers so that a case reads like the sentence of
the documentation it checks: who asks, for what, which policies apply, and what AWS decides.
"""

import json

# Accounts used throughout. The documentation's own examples use several; each topic keeps to a few.
ACCT = "111122223333"
OTHER = "444455556666"
THIRD = "777788889999"

ALLOWED = "Allowed"
EXPLICIT = "ExplicitlyDenied"
IMPLICIT = "ImplicitlyDenied"

V2012 = "2012-10-17"
V2008 = "2008-10-17"


# ---- principals -------------------------------------------------------------------------------------------------

def user(name, account=ACCT):
    return f"arn:aws:iam::{account}:user/{name}"


def role(name, account=ACCT):
    return f"arn:aws:iam::{account}:role/{name}"


def session(role_name, session_name, account=ACCT):
    return f"arn:aws:sts::{account}:assumed-role/{role_name}/{session_name}"


def federated_user(name, account=ACCT):
    return f"arn:aws:sts::{account}:federated-user/{name}"


def root(account=ACCT):
    return f"arn:aws:iam::{account}:root"


# ---- context values ---------------------------------------------------------------------------------------------

def s(value):
    return {"type": "String", "value": value}


def num(value):
    return {"type": "Numeric", "value": str(value)}


def date(value):
    return {"type": "Date", "value": value}


def boolean(value):
    return {"type": "Bool", "value": "true" if value else "false"}


def ip(value):
    return {"type": "IPAddress", "value": value}


def arn(value):
    return {"type": "ARN", "value": value}


def binary(value):
    return {"type": "Binary", "value": value}


def strings(*values):
    return {"type": "ArrayOfString", "values": list(values)}


# ---- policy documents -------------------------------------------------------------------------------------------

def statement(effect, action=None, resource=None, *, not_action=None, not_resource=None, principal=None,
              not_principal=None, condition=None, sid=None):
    st = {}
    if sid is not None:
        st["Sid"] = sid
    st["Effect"] = effect
    if principal is not None:
        st["Principal"] = principal
    if not_principal is not None:
        st["NotPrincipal"] = not_principal
    if action is not None:
        st["Action"] = action
    if not_action is not None:
        st["NotAction"] = not_action
    if resource is not None:
        st["Resource"] = resource
    if not_resource is not None:
        st["NotResource"] = not_resource
    if condition is not None:
        st["Condition"] = condition
    return st


def allow(action=None, resource=None, **kw):
    return statement("Allow", action, resource, **kw)


def deny(action=None, resource=None, **kw):
    return statement("Deny", action, resource, **kw)


def policy(*statements, version=V2012):
    doc = {}
    if version is not None:
        doc["Version"] = version
    doc["Statement"] = list(statements)
    return doc


def aws(*values):
    """A Principal block naming AWS principals (accounts, users, roles, sessions)."""
    return {"AWS": values[0] if len(values) == 1 else list(values)}


def service(*values):
    return {"Service": values[0] if len(values) == 1 else list(values)}


def federated(value):
    return {"Federated": value}


FULL_AWS_ACCESS = policy(allow("*", "*"))
"""The FullAWSAccess SCP as AWS Organizations attaches it."""

DEFAULT_ENDPOINT_POLICY = {"Statement": [allow("*", "*", principal="*")]}
"""The default VPC endpoint policy (Amazon VPC, "Control access to VPC endpoints using endpoint policies")."""


def levels(*pairs):
    """Organizations levels from the root down: (target, [documents])."""
    return [{"target": target, "policies": [{"name": f"{target}-{i + 1}", "document": d} for i, d in enumerate(docs)]}
            for target, docs in pairs]


def full_scps(account=ACCT):
    return levels(("r-root", [FULL_AWS_ACCESS]), ("ou-prod", [FULL_AWS_ACCESS]), (account, [FULL_AWS_ACCESS]))


# ---- cases ------------------------------------------------------------------------------------------------------

class Corpus:
    """The cases of one topic file, checked for unique ids."""

    def __init__(self, file_name, prefix):
        self.file_name = file_name
        self.prefix = prefix
        self.cases = []
        self._ids = set()

    def add(self, number, description, source, quote, *, principal=None, action, resource, account=ACCT,
            context=None, identity=None, resource_policy=None, boundary=None, session=None, scps=None, rcps=None,
            endpoint=None, expected, tags=(), wildcard_only=False, notes=None):
        case_id = f"{self.prefix}-{number:03d}"
        if case_id in self._ids:
            raise ValueError(f"duplicate id {case_id}")
        self._ids.add(case_id)
        request = {}
        if principal is None:
            request["anonymous"] = True
        else:
            request["principal"] = principal
        request["action"] = action
        request["resource"] = resource
        request["resourceAccount"] = account
        if wildcard_only:
            request["wildcardOnlyAction"] = True
        request["context"] = context or {}
        policies = {}
        if identity:
            policies["identity"] = _named(identity, "identity")
        if resource_policy is not None:
            policies["resource"] = _named([resource_policy], "resource")[0]
        if boundary is not None:
            policies["permissionsBoundary"] = _named([boundary], "boundary")
        if session is not None:
            policies["session"] = _named(session if isinstance(session, list) else [session], "session")
        if scps is not None:
            policies["scps"] = scps
        if rcps is not None:
            policies["rcps"] = rcps
        if endpoint is not None:
            policies["endpoint"] = _named([endpoint], "endpoint")
        case = {"id": case_id, "description": description, "source": source}
        if quote:
            case["docsQuote"] = quote
        if notes:
            case["notes"] = notes
        case["tags"] = ["aws-docs", *tags]
        case["request"] = request
        case["policies"] = policies
        case["expected"] = {"decision": expected}
        self.cases.append(case)

    def write(self, directory):
        path = f"{directory}/{self.file_name}"
        with open(path, "w", encoding="utf-8") as out:
            for case in self.cases:
                out.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
        return path, len(self.cases)


def _named(documents, kind):
    named = []
    for i, d in enumerate(documents):
        if isinstance(d, tuple):
            named.append({"name": d[0], "document": d[1]})
        else:
            named.append({"name": f"{kind}-{i + 1}", "document": d})
    return named
