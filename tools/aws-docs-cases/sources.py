"""The AWS documentation pages the cases come from: page title and address."""

_IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"


def _page(title, url):
    return f"{title} — {url}"


EVAL_LOGIC = _page("IAM User Guide: Policy evaluation logic", _IAM + "reference_policies_evaluation-logic.html")
SINGLE_ACCOUNT = _page("IAM User Guide: Policy evaluation for requests within a single account",
                       _IAM + "reference_policies_evaluation-logic_policy-eval-basics.html")
DENY_ALLOW = _page("IAM User Guide: How AWS enforcement code logic evaluates requests to allow or deny access",
                   _IAM + "reference_policies_evaluation-logic_policy-eval-denyallow.html")
CROSS_ACCOUNT = _page("IAM User Guide: Cross-account policy evaluation logic",
                      _IAM + "reference_policies_evaluation-logic-cross-account.html")
EXPLICIT_IMPLICIT = _page("IAM User Guide: The difference between explicit and implicit denies",
                          _IAM + "reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html")
POLICIES = _page("IAM User Guide: Policies and permissions in AWS Identity and Access Management",
                 _IAM + "access_policies.html")
SESSION_POLICIES = _page("IAM User Guide: Policies and permissions in AWS Identity and Access Management > Session policies",
                         _IAM + "access_policies.html#policies_session")
BOUNDARIES = _page("IAM User Guide: Permissions boundaries for IAM entities", _IAM + "access_policies_boundaries.html")
PRINCIPAL = _page("IAM User Guide: AWS JSON policy elements: Principal", _IAM + "reference_policies_elements_principal.html")
NOT_PRINCIPAL = _page("IAM User Guide: AWS JSON policy elements: NotPrincipal",
                      _IAM + "reference_policies_elements_notprincipal.html")
ACTION = _page("IAM User Guide: IAM JSON policy elements: Action", _IAM + "reference_policies_elements_action.html")
NOT_ACTION = _page("IAM User Guide: IAM JSON policy elements: NotAction", _IAM + "reference_policies_elements_notaction.html")
RESOURCE = _page("IAM User Guide: IAM JSON policy elements: Resource", _IAM + "reference_policies_elements_resource.html")
NOT_RESOURCE = _page("IAM User Guide: IAM JSON policy elements: NotResource",
                     _IAM + "reference_policies_elements_notresource.html")
VERSION = _page("IAM User Guide: IAM JSON policy elements: Version", _IAM + "reference_policies_elements_version.html")
CONDITION = _page("IAM User Guide: IAM JSON policy elements: Condition", _IAM + "reference_policies_elements_condition.html")
OPERATORS = _page("IAM User Guide: IAM JSON policy elements: Condition operators",
                  _IAM + "reference_policies_elements_condition_operators.html")
MULTIPLE_KEYS = _page("IAM User Guide: Conditions with multiple context keys or values",
                      _IAM + "reference_policies_condition-logic-multiple-context-keys-or-values.html")
SINGLE_VS_MULTI = _page("IAM User Guide: Single-valued vs. multivalued context keys",
                        _IAM + "reference_policies_condition-single-vs-multi-valued-context-keys.html")
MULTI_EXAMPLES = _page("IAM User Guide: Multivalued context key examples",
                       _IAM + "reference_policies_condition_examples-multi-valued-context-keys.html")
SET_OPERATORS_2019 = _page("IAM User Guide: Creating a condition that tests multiple key values (set operations)",
                           _IAM + "reference_policies_multi-value-conditions.html")
VARIABLES = _page("IAM User Guide: IAM policy elements: Variables and tags", _IAM + "reference_policies_variables.html")
GET_FEDERATION_TOKEN_PERMISSIONS = _page("IAM User Guide: Permissions for GetFederationToken",
                                         _IAM + "id_credentials_temp_control-access_getfederationtoken.html")

_ORGS = "https://docs.aws.amazon.com/organizations/latest/userguide/"
SCPS = _page("AWS Organizations User Guide: Service control policies (SCPs)", _ORGS + "orgs_manage_policies_scps.html")
SCP_EVALUATION = _page("AWS Organizations User Guide: SCP evaluation", _ORGS + "orgs_manage_policies_scps_evaluation.html")
RCPS = _page("AWS Organizations User Guide: Resource control policies (RCPs)", _ORGS + "orgs_manage_policies_rcps.html")
RCP_EVALUATION = _page("AWS Organizations User Guide: RCP evaluation", _ORGS + "orgs_manage_policies_rcps_evaluation.html")

KMS_KEY_POLICIES = _page("AWS KMS Developer Guide: Key policies in AWS KMS",
                         "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html")
KMS_DEFAULT_KEY_POLICY = _page("AWS KMS Developer Guide: Default key policy",
                               "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html")
KMS_RCPS = _page("AWS KMS Developer Guide: Resource control policies in AWS KMS",
                 "https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html")
VPC_ENDPOINT_POLICIES = _page("AWS PrivateLink Guide: Control access to VPC endpoints using endpoint policies",
                              "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html")
GET_CALLER_IDENTITY = _page("AWS STS API Reference: GetCallerIdentity",
                            "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html")
GET_FEDERATION_TOKEN = _page("AWS STS API Reference: GetFederationToken",
                             "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html")
