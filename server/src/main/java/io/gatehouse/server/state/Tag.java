package io.gatehouse.server.state;

/** A tag on an IAM entity. Keys compare case-insensitively in IAM (one tag per key, whatever its case). */
public record Tag(String key, String value) {}
