package io.gatehouse.server.state;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;

/**
 * A policy document's compiled form, for the engine. A document a request sends is compiled at once (it was just
 * validated); a document read from the store is compiled when the engine first needs it, not at load: a restart
 * then reads a large account quickly, and documents that never decide a request (older versions, the policies of
 * principals that make no calls) take no memory for a compiled form. Thread-safe: two threads may compile the same
 * document at once, and both results are equal.
 */
public final class PolicyCode {

    private final String name;
    private final PolicyType type;
    private final String document;
    private final ParseOptions options;
    private volatile CompiledPolicy compiled;

    private PolicyCode(String name, PolicyType type, String document, ParseOptions options, CompiledPolicy compiled) {
        this.name = name;
        this.type = type;
        this.document = document;
        this.options = options;
        this.compiled = compiled;
    }

    /** A document compiled already. */
    public static PolicyCode of(CompiledPolicy compiled) {
        return new PolicyCode(null, null, null, null, compiled);
    }

    /** A stored document, compiled as {@link EntityCodec#compile} compiles it when first needed. */
    static PolicyCode stored(String name, PolicyType type, String document, ParseOptions options) {
        return new PolicyCode(name, type, document, options, null);
    }

    /**
     * The compiled document.
     *
     * @throws IllegalStateException if a stored document can no longer be read
     */
    public CompiledPolicy compiled() {
        CompiledPolicy known = compiled;
        if (known == null) {
            known = EntityCodec.compile(name, type, document, options);
            compiled = known;
        }
        return known;
    }
}
