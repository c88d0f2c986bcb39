package io.gatehouse.policy.request;

import java.util.Locale;

/**
 * Who makes a request, as the engine needs to know it: the kind of principal, its ARN or name, and its account.
 *
 * @param kind      what sort of principal this is
 * @param id        the principal's ARN (IAM principals, sessions, providers), service name, or canonical id;
 *                  empty for anonymous callers
 * @param partition the ARN partition ({@code aws}, {@code aws-cn}, ...), or {@code null} when there is none
 * @param account   the 12-digit account the principal belongs to, or {@code null} (services, anonymous)
 * @param name      the user name, role name (also for role sessions), or federated user name; else {@code null}
 */
public record Principal(Kind kind, String id, String partition, String account, String name) {

    /** An unsigned request. */
    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, "", null, null, null);

    /** Kinds of principal AWS distinguishes during evaluation. */
    public enum Kind {
        /** The account root user ({@code arn:aws:iam::123456789012:root}). */
        ROOT,
        /** An IAM user. */
        USER,
        /** An IAM role (used when simulating a role's own permissions). */
        ROLE,
        /** A role session ({@code arn:aws:sts::123456789012:assumed-role/ROLE/SESSION}). */
        ASSUMED_ROLE,
        /** A federated user session from GetFederationToken. */
        FEDERATED_USER,
        /** An AWS service principal such as {@code lambda.amazonaws.com}. */
        SERVICE,
        /** An identity provider calling AssumeRoleWithSAML / AssumeRoleWithWebIdentity. */
        FEDERATED,
        /** An S3 canonical user. */
        CANONICAL_USER,
        /** An unsigned request. */
        ANONYMOUS
    }

    /** Whether the principal is an IAM principal of some account (not a service, provider or anonymous caller). */
    public boolean isAccountPrincipal() {
        return account != null;
    }

    /** The ARN of the role behind a role or role session ({@code arn:aws:iam::ACCOUNT:role/NAME}, without path). */
    public String roleArnWithoutPath() {
        return kind == Kind.ROLE || kind == Kind.ASSUMED_ROLE
                ? "arn:" + partition + ":iam::" + account + ":role/" + name : null;
    }

    /**
     * Reads a principal as AWS puts it in a request: an IAM or STS ARN, a 12-digit account id (its root user),
     * a service principal name, an identity provider, or a canonical user id.
     */
    public static Principal parse(String text) {
        if (text == null || text.isEmpty()) {
            return ANONYMOUS;
        }
        if (text.startsWith("arn:")) {
            Principal arn = parseArn(text);
            if (arn != null) {
                return arn;
            }
            return new Principal(Kind.USER, text, null, null, null);
        }
        if (isAccountId(text)) {
            return new Principal(Kind.ROOT, "arn:aws:iam::" + text + ":root", "aws", text, null);
        }
        if (text.length() == 64 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return new Principal(Kind.CANONICAL_USER, text, null, null, null);
        }
        return new Principal(isIdentityProvider(text) ? Kind.FEDERATED : Kind.SERVICE, text, null, null, null);
    }

    private static Principal parseArn(String arn) {
        int partitionEnd = arn.indexOf(':', 4);
        int serviceEnd = partitionEnd < 0 ? -1 : arn.indexOf(':', partitionEnd + 1);
        int regionEnd = serviceEnd < 0 ? -1 : arn.indexOf(':', serviceEnd + 1);
        int accountEnd = regionEnd < 0 ? -1 : arn.indexOf(':', regionEnd + 1);
        if (accountEnd < 0 || accountEnd - regionEnd != 13) {
            return null;
        }
        String account = arn.substring(regionEnd + 1, accountEnd);
        if (!isAccountId(account)) {
            return null;
        }
        String partition = arn.substring(4, partitionEnd);
        String resource = arn.substring(accountEnd + 1);
        switch (arn.substring(partitionEnd + 1, serviceEnd)) {
            case "iam" -> {
                if (resource.equals("root")) {
                    return new Principal(Kind.ROOT, arn, partition, account, null);
                }
                if (resource.startsWith("user/")) {
                    return new Principal(Kind.USER, arn, partition, account, lastSegment(resource));
                }
                if (resource.startsWith("role/")) {
                    return new Principal(Kind.ROLE, arn, partition, account, lastSegment(resource));
                }
                if (resource.startsWith("saml-provider/") || resource.startsWith("oidc-provider/")) {
                    return new Principal(Kind.FEDERATED, arn, partition, account, null);
                }
                return null;
            }
            case "sts" -> {
                if (resource.startsWith("assumed-role/")) {
                    int roleEnd = resource.indexOf('/', "assumed-role/".length());
                    return roleEnd < 0 ? null : new Principal(Kind.ASSUMED_ROLE, arn, partition, account,
                            resource.substring("assumed-role/".length(), roleEnd));
                }
                if (resource.startsWith("federated-user/")) {
                    return new Principal(Kind.FEDERATED_USER, arn, partition, account, resource.substring("federated-user/".length()));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** Whether {@code text} is a 12-digit AWS account id. */
    public static boolean isAccountId(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Web identity providers that appear as bare host names rather than IAM provider ARNs. */
    private static boolean isIdentityProvider(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com" -> true;
            default -> false;
        };
    }
}
