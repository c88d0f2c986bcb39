package io.gatehouse.server.state;

import io.gatehouse.policy.engine.CompiledPolicy;

/**
 * A policy embedded in a user, group or role.
 *
 * @param name     the policy name (unique per entity, case-insensitively)
 * @param document the document as the client sent it
 * @param compiled the document compiled for the engine
 */
public record InlinePolicy(String name, String document, CompiledPolicy compiled) {}
