package io.gatehouse.server.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session tags a web identity token carries in its {@code https://aws.amazon.com/tags} claim (IAM User Guide,
 * "Passing session tags using AssumeRoleWithWebIdentity"):
 *
 * <pre>
 *   "https://aws.amazon.com/tags": {
 *       "principal_tags": {"Project": ["Automation"], "CostCenter": ["987654"]},
 *       "transitive_tag_keys": ["Project"]
 *   }
 * </pre>
 *
 * <p>This reads the claim's shape only: an object whose {@code principal_tags} is an object of arrays of strings and
 * whose {@code transitive_tag_keys} is an array of strings, either member optional. Anything else is a claim STS cannot
 * use, refused as {@code IDPRejectedClaim} (the STS model: "This might be because the claim is invalid"). Whether the
 * tags themselves are acceptable (one value each, count, lengths, characters) is the session tag rules' business.
 *
 * @param principalTags     each tag key with the values the token gives it, in the token's order
 * @param transitiveTagKeys the keys the token marks transitive
 */
public record SessionTagsClaim(Map<String, List<String>> principalTags, List<String> transitiveTagKeys) {

    /** The claim's name. */
    public static final String CLAIM = "https://aws.amazon.com/tags";

    /** A token without the claim. */
    public static final SessionTagsClaim NONE = new SessionTagsClaim(Map.of(), List.of());

    public SessionTagsClaim {
        principalTags = Collections.unmodifiableMap(new LinkedHashMap<>(principalTags));
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    /**
     * The claim of a token that {@link WebIdentityTokens#verify} accepted, {@link #NONE} when it has none. It is read
     * after the token is verified, so that a refusal of the claim is recorded as the web identity user's.
     */
    public static SessionTagsClaim of(SignedJWT token) {
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
        Object claim = claims.getClaim(CLAIM);
        if (claim == null) {
            return NONE;
        }
        if (!(claim instanceof Map<?, ?> members)) {
            throw rejected("The " + CLAIM + " claim must be a JSON object");
        }
        return new SessionTagsClaim(principalTags(members.get("principal_tags")),
                strings(members.get("transitive_tag_keys"), "transitive_tag_keys"));
    }

    private static Map<String, List<String>> principalTags(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> tags)) {
            throw rejected("principal_tags in the " + CLAIM + " claim must be a JSON object");
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> tag : tags.entrySet()) {
            String key = String.valueOf(tag.getKey());
            if (tag.getValue() == null) {
                throw rejected("The session tag " + key + " has no value");
            }
            result.put(key, strings(tag.getValue(), "The value of the session tag " + key));
        }
        return result;
    }

    /** A JSON array of strings as a list; {@code null} (absent) as none. */
    private static List<String> strings(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw rejected(what + " in the " + CLAIM + " claim must be an array of strings");
        }
        List<String> result = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw rejected(what + " in the " + CLAIM + " claim must be an array of strings");
            }
            result.add(text);
        }
        return result;
    }

    private static AwsException rejected(String message) {
        return AwsError.IDP_REJECTED_CLAIM.exception(message);
    }
}
