package io.gatehouse.server.state;

import io.gatehouse.policy.engine.CompiledPolicy;

/**
 * A policy embedded in a user, group or role.
 *
 * @param name     the policy name (unique per entity, case-insensitively)
 * @param document the document as the client sent it
 * @param code     the document compiled for the engine (for a stored document, when first needed)
 */
public record InlinePolicy(String name, String document, PolicyCode code) {

    /** An inline policy whose document was compiled already. */
    public InlinePolicy(String name, String document, CompiledPolicy compiled) {
        this(name, document, PolicyCode.of(compiled));
    }

    /** The document compiled for the engine. */
    public CompiledPolicy compiled() {
        return code.compiled();
    }
}
