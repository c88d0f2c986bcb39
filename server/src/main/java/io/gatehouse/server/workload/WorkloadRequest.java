package io.gatehouse.server.workload;

import java.time.Instant;

/**
 * A request for workload credentials as the HTTP side saw it.
 *
 * @param authorization the {@code Authorization} header (the bearer token itself, as the SDKs send it), or
 *                      {@code null}
 * @param sourceIp      the client's address
 * @param userAgent     the client's {@code User-Agent}, or {@code null}
 * @param time          when it arrived
 */
public record WorkloadRequest(String authorization, String sourceIp, String userAgent, Instant time) {}
