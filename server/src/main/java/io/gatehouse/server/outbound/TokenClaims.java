package io.gatehouse.server.outbound;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.server.state.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an outbound web identity token says (IAM User Guide, "Understanding token claims"): the standard claims
 * {@code iss}, {@code sub} (the principal's ARN; a role's for a role session), {@code aud} (one string, or an array of
 * several), {@code iat}, {@code exp} and a unique {@code jti}, and under the {@value #NAMESPACE} namespace the AWS
 * claims that apply: {@code aws_account}, {@code source_region}, {@code principal_id}, {@code principal_tags},
 * {@code request_tags}, {@code source_identity}, {@code original_session_exp} and {@code federated_provider}. Claims
 * that do not apply are left out, never sent empty.
 *
 * @param issuer            the account's issuer URL
 * @param audience          the {@code Audience} of the request, one to ten
 * @param subject           the principal's ARN, a role's for a role session
 * @param issuedAt          when the token is issued (whole seconds are used)
 * @param lifetime          how long it is valid
 * @param account           the principal's account id
 * @param region            the region the request was signed for
 * @param principalTags     the principal's tags ({@code aws:PrincipalTag}), session tags included
 * @param requestTags       the {@code Tags} of the request
 * @param sourceIdentity    the session's source identity, or {@code null}
 * @param sessionExpiry     when the caller's temporary credentials expire, or {@code null} for long-term credentials
 * @param federatedProvider the identity provider a web identity session came through, or {@code null}
 */
public record TokenClaims(String issuer, List<String> audience, String subject, Instant issuedAt, Duration lifetime,
                          String account, String region, List<Tag> principalTags, List<Tag> requestTags,
                          String sourceIdentity, Instant sessionExpiry, String federatedProvider) {

    /** The namespace of the AWS-specific claims. */
    public static final String NAMESPACE = "https://sts.amazonaws.com/";

    /**
     * The largest payload (its JSON, in bytes) Gatehouse signs. AWS documents a maximum without its figure; this one
     * keeps a token, which travels in HTTP headers, within the 16 KiB that common servers accept in one header, and is
     * reached only with many long tags.
     */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    public TokenClaims {
        audience = List.copyOf(audience);
        principalTags = List.copyOf(principalTags);
        requestTags = List.copyOf(requestTags);
    }

    /** The claims set to sign. */
    public JWTClaimsSet toClaimsSet() {
        Instant issued = Instant.ofEpochSecond(issuedAt.getEpochSecond());
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("aws_account", account);
        aws.put("source_region", region);
        aws.put("principal_id", subject);
        if (!principalTags.isEmpty()) {
            aws.put("principal_tags", tagMap(principalTags));
        }
        if (!requestTags.isEmpty()) {
            aws.put("request_tags", tagMap(requestTags));
        }
        if (sourceIdentity != null) {
            aws.put("source_identity", sourceIdentity);
        }
        if (sessionExpiry != null) {
            aws.put("original_session_exp", DateTimeFormatter.ISO_INSTANT.format(sessionExpiry));
        }
        if (federatedProvider != null) {
            aws.put("federated_provider", federatedProvider);
        }
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(NAMESPACE, aws)
                .build();
    }

    /** Whether the payload of {@code claims} is larger than {@link #MAX_PAYLOAD_BYTES}. */
    public static boolean tooLarge(JWTClaimsSet claims) {
        return claims.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES;
    }

    private static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
