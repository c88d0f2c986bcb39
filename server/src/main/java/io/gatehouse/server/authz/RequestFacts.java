package io.gatehouse.server.authz;

import java.time.Instant;

/**
 * What the transport knows about a request that policies may test: time, source address, client, TLS, region.
 *
 * @param time            when the request arrived
 * @param sourceIp        the address the request came from
 * @param userAgent       the client's User-Agent header, or {@code null}
 * @param secureTransport whether the request came over TLS
 * @param region          the region the request was signed for
 */
public record RequestFacts(Instant time, String sourceIp, String userAgent, boolean secureTransport, String region) {}
