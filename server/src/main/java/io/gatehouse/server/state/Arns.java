package io.gatehouse.server.state;

/**
 * IAM ARNs. Entities are stored without a partition: an ARN is kept in a canonical form with partition
 * {@code aws} and rendered in the partition of the request that asks for it (a client signing for
 * {@code cn-north-1} sees {@code arn:aws-cn:…}), as the "partitions from the credential scope" requires.
 */
public final class Arns {

    /** The account of AWS managed policies in their ARNs. */
    public static final String AWS_ACCOUNT = "aws";
    private static final String CANONICAL_PREFIX = "arn:aws:";

    private Arns() {}

    /** {@code arn:aws:iam::ACCOUNT:TYPE/PATH-WITHOUT-LEADING-SLASHNAME}, e.g. {@code …:user/division/alice}. */
    public static String iam(String accountId, String type, String path, String name) {
        return CANONICAL_PREFIX + "iam::" + accountId + ":" + type + path + name;
    }

    public static String user(String accountId, String path, String name) {
        return iam(accountId, "user", path, name);
    }

    public static String group(String accountId, String path, String name) {
        return iam(accountId, "group", path, name);
    }

    public static String role(String accountId, String path, String name) {
        return iam(accountId, "role", path, name);
    }

    public static String policy(String accountId, String path, String name) {
        return iam(accountId, "policy", path, name);
    }

    public static String instanceProfile(String accountId, String path, String name) {
        return iam(accountId, "instance-profile", path, name);
    }

    /** A virtual MFA device's ARN, which is also its serial number. */
    public static String mfa(String accountId, String path, String name) {
        return iam(accountId, "mfa", path, name);
    }

    /** An OpenID Connect provider's ARN: {@code …:oidc-provider/} and its issuer URL without the scheme. */
    public static String oidcProvider(String accountId, String name) {
        return CANONICAL_PREFIX + "iam::" + accountId + ":oidc-provider/" + name;
    }

    public static String samlProvider(String accountId, String name) {
        return CANONICAL_PREFIX + "iam::" + accountId + ":saml-provider/" + name;
    }

    public static String root(String accountId) {
        return CANONICAL_PREFIX + "iam::" + accountId + ":root";
    }

    /** The canonical ARN in a partition. */
    public static String render(String canonicalArn, String partition) {
        if (partition.equals("aws") || !canonicalArn.startsWith(CANONICAL_PREFIX)) {
            return canonicalArn;
        }
        return "arn:" + partition + ":" + canonicalArn.substring(CANONICAL_PREFIX.length());
    }

    /**
     * The canonical form of an ARN a client sent in the given partition, or {@code null} when the ARN names another
     * partition or is not an ARN.
     */
    public static String canonical(String arn, String partition) {
        String prefix = "arn:" + partition + ":";
        if (!arn.startsWith(prefix)) {
            return null;
        }
        return CANONICAL_PREFIX + arn.substring(prefix.length());
    }

    /** The partition of an ARN ({@code aws} of {@code arn:aws:…}), or {@code null}. */
    public static String partitionOf(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int end = arn.indexOf(':', 4);
        return end < 0 ? null : arn.substring(4, end);
    }
}
