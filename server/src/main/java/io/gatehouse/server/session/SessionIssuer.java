package io.gatehouse.server.session;

import java.util.Objects;

/**
 * The IAM principal a role session or federated user session was issued by, whose policies it acts with: the role an
 * AssumeRole session is of, or the IAM user who called GetFederationToken. CloudTrail names it as the session's
 * {@code sessionIssuer}.
 *
 * @param arn      its ARN in canonical form, with its path ({@code arn:aws:iam::ACCOUNT:role/PATH/NAME} or
 *                 {@code arn:aws:iam::ACCOUNT:user/PATH/NAME})
 * @param uniqueId its unique id ({@code AROA…} or {@code AIDA…}): a role or user deleted and made again under the same
 *                 name has another one, and the session then acts with nothing
 */
public record SessionIssuer(String arn, String uniqueId) {

    public SessionIssuer {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(uniqueId, "uniqueId");
    }

    /** The role's or user's name, the last segment of its ARN. */
    public String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** Its path ({@code /} or {@code /division/}). */
    public String path() {
        int start = arn.indexOf('/');
        return arn.substring(start, arn.lastIndexOf('/') + 1);
    }
}
