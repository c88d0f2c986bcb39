package io.gatehouse.policy.parse;

import io.gatehouse.policy.document.PrincipalKind;
import java.util.regex.Pattern;

/**
 * Whether a principal value has a form its kind allows
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 * Whether the principal exists is the server's question, not the grammar's.
 */
final class PrincipalValues {

    /** {@code *}, an account id, an IAM or STS ARN without wildcards, or an IAM unique id. */
    private static final Pattern AWS = Pattern.compile(
            "\\*|\\d{12}|arn:[a-z0-9-]+:(iam|sts)::(\\d{12}|[a-z]+):[^*?]+|(AIDA|AROA)[A-Z0-9]+");
    /** A service principal: a host name of at least three labels, {@code lambda.amazonaws.com}. */
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+){2,}");
    /** A SAML or OIDC provider ARN, or an identity provider's host name. */
    private static final Pattern FEDERATED = Pattern.compile(
            "arn:[a-z0-9-]+:iam::\\d{12}:(saml-provider|oidc-provider)/[^*?]+"
                    + "|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/[^\\s*?]*)?");
    /** An S3 canonical user id. */
    private static final Pattern CANONICAL_USER = Pattern.compile("[0-9a-fA-F]{64}");

    private PrincipalValues() {}

    static boolean isValid(PrincipalKind kind, String value) {
        Pattern pattern = switch (kind) {
            case AWS -> AWS;
            case SERVICE -> SERVICE;
            case FEDERATED -> FEDERATED;
            case CANONICAL_USER -> CANONICAL_USER;
        };
        return pattern.matcher(value).matches();
    }
}
