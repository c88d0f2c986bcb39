package io.gatehouse.server.sts;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The session tags of AssumeRole and GetFederationToken ({@code Tags}, {@code TransitiveTagKeys}) and those an identity
 * provider asserts (AssumeRoleWithSAML's {@code PrincipalTag:KEY} attributes, the {@code https://aws.amazon.com/tags}
 * claim of AssumeRoleWithWebIdentity's token), as IAM User Guide, "Pass session tags in AWS STS", describes them. For
 * the parameters the model bounds the count (50), lengths and characters; {@link #asserted} applies the same bounds to
 * asserted tags. Keys compare without regard to case, so two keys differing only by case are refused; a key may not
 * start with {@code aws:}; transitive keys must name tags of the request; a session that got transitive tags by role
 * chaining passes them on, and a request that passes a tag with the key of an inherited one fails ("If you pass a
 * session tag with the same key as an inherited tag, the operation fails"). The wording of these refusals is not
 * documented.
 */
final class SessionTagParameters {

    /** The most session tags a session may get ("You can pass a maximum of 50 session tags"). */
    static final int MAX_TAGS = 50;
    /** The STS model's {@code tagKeyType} and {@code tagValueType}: lengths 1–128 and 0–256 of these characters. */
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");

    private SessionTagParameters() {}

    /**
     * Session tags an identity provider asserts, each key with the values asserted for it, checked by the rules of the
     * {@code Tags} parameter: one value each ("Multivalued session tags are not supported"), at most {@link #MAX_TAGS},
     * keys and values of the model's lengths and characters, keys distinct regardless of case and not starting with
     * {@code aws:}.
     *
     * @param refusal the provider's refusal with a message (SAML's and web identity's differ)
     */
    static List<Tag> asserted(Map<String, List<String>> asserted, Function<String, AwsException> refusal) {
        if (asserted.size() > MAX_TAGS) {
            throw refusal.apply("More than " + MAX_TAGS + " session tags");
        }
        List<Tag> tags = new ArrayList<>(asserted.size());
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, List<String>> tag : asserted.entrySet()) {
            String key = tag.getKey();
            List<String> values = tag.getValue();
            if (!KEY.matcher(key).matches() || Names.key(key).startsWith("aws:") || !keys.add(Names.key(key))
                    || values.size() != 1 || !VALUE.matcher(values.getFirst()).matches()) {
                throw refusal.apply("Invalid session tag: " + key);
            }
            tags.add(new Tag(key, values.getFirst()));
        }
        return tags;
    }

    /** Transitive tag keys an identity provider asserts, each the key of one of its session tags. */
    static List<String> assertedTransitiveKeys(List<String> transitive, List<Tag> tags,
                                               Function<String, AwsException> refusal) {
        Set<String> keys = new HashSet<>();
        tags.forEach(t -> keys.add(Names.key(t.key())));
        for (String key : transitive) {
            if (!keys.contains(Names.key(key))) {
                throw refusal.apply("The transitive tag key " + key + " is not a session tag key");
            }
        }
        return transitive;
    }

    /**
     * Puts what a role session's request says about its source identity and tags into the trust policy's request
     * context: {@code sts:SourceIdentity}, {@code aws:RequestTag/*} with {@code aws:TagKeys}, and
     * {@code sts:TransitiveTagKeys}, each only when there is something to say.
     */
    static void putSessionKeys(ContextBuilder context, String sourceIdentity, List<Tag> requestedTags,
                               List<String> transitiveKeys) {
        if (sourceIdentity != null) {
            context.put("sts:SourceIdentity", ContextValue.of(sourceIdentity));
        }
        if (!requestedTags.isEmpty()) {
            context.requestTags(requestedTags);
        }
        if (!transitiveKeys.isEmpty()) {
            context.put("sts:TransitiveTagKeys", ContextValue.multi(ContextType.STRING, transitiveKeys));
        }
    }

    /** The tags the request passes, as they enter the request context ({@code aws:RequestTag/*}). */
    static List<Tag> requested(Struct input) {
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Struct tag : input.has("Tags") ? input.structs("Tags") : List.<Struct>of()) {
            String key = tag.string("Key");
            if (!keys.add(Names.key(key))) {
                throw AwsError.INVALID_PARAMETER_VALUE.exception(
                        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            if (Names.key(key).startsWith("aws:")) {
                throw AwsError.INVALID_PARAMETER_VALUE.exception(
                        "Tag keys beginning with aws: are reserved for system use.");
            }
            tags.add(new Tag(key, tag.string("Value")));
        }
        return tags;
    }

    /** The transitive tag keys the request names, each a key of {@code requested}. */
    static List<String> transitiveKeys(Struct input, List<Tag> requested) {
        List<String> transitive = input.has("TransitiveTagKeys") ? input.strings("TransitiveTagKeys") : List.of();
        Set<String> keys = new HashSet<>();
        requested.forEach(t -> keys.add(Names.key(t.key())));
        for (String key : transitive) {
            if (!keys.contains(Names.key(key))) {
                throw AwsError.INVALID_PARAMETER_VALUE.exception(
                        "The transitive tag key %s is not the key of a session tag of the request.", key);
            }
        }
        return transitive;
    }

    /**
     * The new session's tags: the transitive tags the calling session passes on, then the requested ones (transitive
     * when named so).
     */
    static List<SessionTag> sessionTags(List<SessionTag> inherited, List<Tag> requested, List<String> transitiveKeys) {
        Set<String> inheritedKeys = new HashSet<>();
        List<SessionTag> tags = new ArrayList<>();
        for (SessionTag tag : inherited) {
            if (tag.transitive()) {
                inheritedKeys.add(Names.key(tag.key()));
                tags.add(tag);
            }
        }
        Set<String> transitive = new HashSet<>();
        transitiveKeys.forEach(k -> transitive.add(Names.key(k)));
        for (Tag tag : requested) {
            if (inheritedKeys.contains(Names.key(tag.key()))) {
                throw AwsError.INVALID_PARAMETER_VALUE.exception(
                        "The session tag %s has the key of a transitive tag the calling session passes on.", tag.key());
            }
            tags.add(new SessionTag(tag.key(), tag.value(), transitive.contains(Names.key(tag.key()))));
        }
        return tags;
    }
}
