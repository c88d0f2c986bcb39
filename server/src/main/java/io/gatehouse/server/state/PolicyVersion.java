package io.gatehouse.server.state;

import io.gatehouse.policy.engine.CompiledPolicy;
import java.time.Instant;

/**
 * One version of a managed policy.
 *
 * @param versionId the version id ({@code v1}, {@code v2}, …)
 * @param document  the document as sent
 * @param compiled  the document compiled for the engine
 * @param created   when the version was created
 */
public record PolicyVersion(String versionId, String document, CompiledPolicy compiled, Instant created) {}
