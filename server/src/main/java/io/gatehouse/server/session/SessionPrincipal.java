package io.gatehouse.server.session;

import java.util.Objects;

/**
 * Who a session acts as.
 *
 * @param kind     what kind of principal
 * @param arn      its ARN in canonical form (partition {@code aws}): {@code arn:aws:iam::ACCOUNT:user/PATH/NAME},
 *                 {@code arn:aws:iam::ACCOUNT:root}, {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} or
 *                 {@code arn:aws:sts::ACCOUNT:federated-user/NAME}
 * @param uniqueId its unique id: {@code AIDA…} for a user, the account id for the root user, {@code AROA…:SESSION} for
 *                 a role session, {@code ACCOUNT:NAME} for a federated user
 */
public record SessionPrincipal(Kind kind, String arn, String uniqueId) {

    /**
     * The kinds of principal a token may name, with their code in the token; a token with a code this server does not
     * know is refused.
     */
    public enum Kind {
        /** The account's root user (GetSessionToken as root). */
        ROOT(0),
        /** An IAM user (GetSessionToken). */
        USER(1),
        /** A role session (AssumeRole); the token names the role as the session's issuer. */
        ASSUMED_ROLE(2),
        /** A federated user (GetFederationToken); the token names the IAM user who got it as the issuer. */
        FEDERATED_USER(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        int code() {
            return code;
        }

        /** Whether sessions of this kind name the principal they were issued by (a role, or the federating user). */
        public boolean hasIssuer() {
            return this == ASSUMED_ROLE || this == FEDERATED_USER;
        }

        static Kind ofCode(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    public SessionPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(uniqueId, "uniqueId");
    }

    /** The IAM user's name, the last segment of its ARN; {@code null} for the root user. */
    public String userName() {
        return kind == Kind.USER ? arn.substring(arn.lastIndexOf('/') + 1) : null;
    }

    /**
     * The session name: {@code SESSION} of an assumed-role ARN, {@code NAME} of a federated user's; {@code null} for
     * users and the root user.
     */
    public String sessionName() {
        return kind.hasIssuer() ? arn.substring(arn.lastIndexOf('/') + 1) : null;
    }

    /** The IAM user's path ({@code /} or {@code /division/}); {@code null} for the root user. */
    public String userPath() {
        if (kind != Kind.USER) {
            return null;
        }
        int start = arn.indexOf(":user/") + ":user".length();
        return arn.substring(start, arn.lastIndexOf('/') + 1);
    }
}
