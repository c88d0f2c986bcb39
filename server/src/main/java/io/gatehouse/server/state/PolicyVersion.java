package io.gatehouse.server.state;

import io.gatehouse.policy.engine.CompiledPolicy;
import java.time.Instant;

/**
 * One version of a managed policy.
 *
 * @param versionId the version id ({@code v1}, {@code v2}, …)
 * @param document  the document as sent
 * @param code      the document compiled for the engine (for a stored document, when first needed)
 * @param created   when the version was created
 */
public record PolicyVersion(String versionId, String document, PolicyCode code, Instant created) {

    /** A version whose document was compiled already. */
    public PolicyVersion(String versionId, String document, CompiledPolicy compiled, Instant created) {
        this(versionId, document, PolicyCode.of(compiled), created);
    }

    /** The document compiled for the engine. */
    public CompiledPolicy compiled() {
        return code.compiled();
    }
}
