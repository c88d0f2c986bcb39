package io.gatehouse.policy.parse;

import io.gatehouse.policy.PolicyProblem;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PrincipalKind;

/**
 * The words each AWS service uses for each grammar error. IAM has a message per rule; AWS
 * Organizations answers every grammar error in an SCP or RCP with one message. Sources and the
 * messages that could not be confirmed are listed in docs/policy-grammar.md.
 */
final class Messages {

    static final String SYNTAX_ERRORS = "Syntax errors in policy.";
    static final String ORGANIZATIONS_MALFORMED =
            "The provided policy document does not meet the requirements of the specified policy type.";

    private static final Message ORGANIZATIONS =
            new Message("MalformedPolicyDocumentException", ORGANIZATIONS_MALFORMED);

    private final boolean organizations;
    private final boolean trust;

    private Messages(boolean organizations, boolean trust) {
        this.organizations = organizations;
        this.trust = trust;
    }

    /** IAM's words, for lenient parsing and every type IAM or a service checks. */
    static final Messages IAM = new Messages(false, false);

    static Messages forType(PolicyType type) {
        return switch (type) {
            case SCP, RCP -> new Messages(true, false);
            case TRUST -> new Messages(false, true);
            default -> IAM;
        };
    }

    /** Text that is not JSON. IAM's role APIs word this differently from its policy APIs. */
    Message invalidJson() {
        return iam(trust ? "This policy contains invalid Json" : SYNTAX_ERRORS);
    }

    /** An element of the wrong name or shape, a Version or condition operator IAM does not know. */
    Message syntax() {
        return iam(SYNTAX_ERRORS);
    }

    Message versionRequired() {
        return iam("Policy document must be version 2012-10-17 or greater.");
    }

    Message legacyParsing() {
        return iam("The policy failed legacy parsing");
    }

    Message sidCharacters() {
        return iam("Statement IDs (SID) must be alpha-numeric. "
                + "Check that your input satisfies the regular expression [0-9A-Za-z]*");
    }

    Message sidUnique() {
        return iam("Statement IDs (SID) in a single policy must be unique.");
    }

    Message noActions() {
        return iam("Policy statement must contain actions.");
    }

    Message noResources() {
        return iam("Policy statement must contain resources.");
    }

    Message resourceNotArn(String resource) {
        return iam("Resource " + resource + " must be in ARN format or \"*\".");
    }

    Message partitionNotValid(String partition, String resource) {
        return iam("Partition \"" + partition + "\" is not valid for resource \"" + resource + "\".");
    }

    Message vendorNotQualified() {
        return iam("Resource vendor must be fully qualified and cannot contain regexes.");
    }

    Message iamResourceRegion(String resource) {
        return iam("IAM resource " + resource + " cannot contain region information.");
    }

    Message s3ResourceRegion(String resource) {
        return iam("Resource " + resource + " can not contain region information.");
    }

    Message actionVendor() {
        return iam("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
    }

    Message actionColons() {
        return iam("Actions/Condition can contain only one colon.");
    }

    Message actionVendorWildcard() {
        return iam("Action vendors (e.g., aws, ec2, etc.) must not contain wildcards");
    }

    Message vendorNotValid(String vendor) {
        return iam("Vendor " + vendor + " is not valid");
    }

    Message principalNotAllowed() {
        return iam("Policy document should not specify a principal.");
    }

    Message principalMissing() {
        return iam(trust
                ? "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
                        + "The passed in policy has a statement with no principals!"
                : "Missing required field Principal");
    }

    Message principalNotValid(PrincipalKind kind, String value) {
        return iam("Invalid principal in policy: \"" + kindName(kind) + "\":\"" + value + "\"");
    }

    Message prohibitedField(String element) {
        return iam("Has prohibited field " + element);
    }

    Message trustActions() {
        return iam("AssumeRole policy may only specify STS AssumeRole actions.");
    }

    /** An element or value the Organizations policy type does not support. */
    Message organizationsUnsupported() {
        return ORGANIZATIONS;
    }

    private Message iam(String text) {
        return organizations ? ORGANIZATIONS : new Message(PolicyProblem.MALFORMED, text);
    }

    /** IAM names principal kinds in upper case in its messages ({@code "SERVICE":"..."}). */
    private static String kindName(PrincipalKind kind) {
        return switch (kind) {
            case AWS -> "AWS";
            case SERVICE -> "SERVICE";
            case FEDERATED -> "FEDERATED";
            case CANONICAL_USER -> "CANONICAL_USER";
        };
    }
}
