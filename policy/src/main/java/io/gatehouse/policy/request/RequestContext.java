package io.gatehouse.policy.request;

import io.gatehouse.policy.variable.VariableValues;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The complete request context of one request: every condition key AWS would put in it, and nothing else
 * (a key that is absent here is absent from the request; the engine never synthesizes keys).
 *
 * <p>Key names compare case-insensitively; they are folded to lower case once, when the context is built.
 * Immutable and thread-safe.
 */
public final class RequestContext implements VariableValues {

    /** The empty context. */
    public static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of());

    private final Map<String, ContextValue> byLookupKey;
    private final Map<String, ContextValue> asGiven;

    private RequestContext(Map<String, ContextValue> byLookupKey, Map<String, ContextValue> asGiven) {
        this.byLookupKey = byLookupKey;
        this.asGiven = asGiven;
    }

    /** A context with the given entries; key names keep their spelling for display. */
    public static RequestContext of(Map<String, ContextValue> entries) {
        return owning(new LinkedHashMap<>(entries));
    }

    /** A context over a map nobody else holds, so it need not be copied again. */
    private static RequestContext owning(LinkedHashMap<String, ContextValue> given) {
        Map<String, ContextValue> lookup = new HashMap<>((int) (given.size() / 0.75f) + 1);
        given.forEach((key, value) -> lookup.put(key.toLowerCase(Locale.ROOT), value));
        return new RequestContext(lookup, Collections.unmodifiableMap(given));
    }

    /** Starts a context. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a key, or {@code null} when the request lacks it.
     *
     * @param lookupKey the key name in lower case (compiled policies hold their keys in this form)
     */
    public ContextValue get(String lookupKey) {
        return byLookupKey.get(lookupKey);
    }

    /** Looks a key up by any spelling. */
    public ContextValue find(String key) {
        return byLookupKey.get(key.toLowerCase(Locale.ROOT));
    }

    /** The entries as given, in the order given. */
    public Map<String, ContextValue> entries() {
        return asGiven;
    }

    @Override
    public String valueOf(String lookupKey) {
        ContextValue value = byLookupKey.get(lookupKey);
        return value == null || value.isMultiValued() ? null : value.value(0);
    }

    /** Accumulates entries for a context. */
    public static final class Builder {
        private LinkedHashMap<String, ContextValue> entries = new LinkedHashMap<>();

        public Builder put(String key, ContextValue value) {
            entries.put(key, value);
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, ContextValue.of(value));
        }

        /** The context; the builder cannot be used afterwards. */
        public RequestContext build() {
            RequestContext context = owning(entries);
            entries = null;
            return context;
        }
    }
}
