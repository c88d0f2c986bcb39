package io.gatehouse.policy.document;

/** The keys of a {@code Principal} / {@code NotPrincipal} object: which kind of principal a value names. */
public enum PrincipalKind {
    /** IAM principals: account ids, account root ARNs, user/role ARNs, role and federated session ARNs, or {@code *}. */
    AWS("AWS"),
    /** Service principals such as {@code lambda.amazonaws.com}. */
    SERVICE("Service"),
    /** Identity providers: SAML provider ARNs, OIDC provider host names, {@code cognito-identity.amazonaws.com}, ... */
    FEDERATED("Federated"),
    /** S3 canonical user ids. */
    CANONICAL_USER("CanonicalUser");

    private final String key;

    PrincipalKind(String key) {
        this.key = key;
    }

    /** The JSON key as AWS spells it. */
    public String key() {
        return key;
    }

    /** The kind for a JSON key, matched exactly as AWS does (the keys are case-sensitive), or {@code null}. */
    public static PrincipalKind ofKey(String key) {
        for (PrincipalKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
