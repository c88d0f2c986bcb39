package io.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How an issuer's keys are found (discovery, then JWKS), cached, fetched again for an unknown key id at most once per
 * {@link IssuerKeys#MIN_REFRESH}, and refused when the discovery document names another issuer or the answer is too
 * large.
 */
class IssuerKeysTest {

    private HttpServer server;
    private String issuer;
    private volatile String discoveredIssuer;
    private volatile String jwks;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private IssuerKeys keys;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant";
        discoveredIssuer = issuer;
        server.createContext("/tenant/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + discoveredIssuer + "\",\"jwks_uri\":\"" + issuer + "/keys\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/tenant/keys", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        keys = new IssuerKeys(new OidcFetcher(OidcTrust.jvmDefault(), true), () -> now);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RSAKey key(String id) throws Exception {
        return new RSAKeyGenerator(2048).keyID(id).generate();
    }

    private void publish(JWK... published) {
        jwks = new JWKSet(List.of(published)).toString(false);
    }

    @Test
    void keysAreCachedAndAnUnknownKeyIdFetchesAgainAtMostOncePerInterval() throws Exception {
        RSAKey first = key("k1");
        publish(first);
        assertThat(keys.candidates(issuer, "k1")).extracting(JWK::getKeyID).containsExactly("k1");
        assertThat(keys.candidates(issuer, "k1")).hasSize(1);
        assertThat(jwksFetches).hasValue(1);

        RSAKey second = key("k2");
        publish(first, second);
        assertThat(keys.candidates(issuer, "k2")).as("within the refresh limit").isEmpty();
        assertThat(jwksFetches).hasValue(1);

        now = now.plus(IssuerKeys.MIN_REFRESH);
        assertThat(keys.candidates(issuer, "k2")).extracting(JWK::getKeyID).containsExactly("k2");
        assertThat(jwksFetches).hasValue(2);
        assertThat(keys.candidates(issuer, "made-up")).isEmpty();
        assertThat(jwksFetches).hasValue(2);
        assertThat(keys.candidates(issuer, null)).hasSize(2);
    }

    @Test
    void keysOlderThanTheirMaximumAgeAreFetchedAgain() throws Exception {
        publish(key("k1"));
        keys.candidates(issuer, "k1");
        now = now.plus(IssuerKeys.MAX_AGE).plus(Duration.ofSeconds(1));
        publish(key("k9"));
        assertThat(keys.candidates(issuer, null)).extracting(JWK::getKeyID).containsExactly("k9");
        assertThat(jwksFetches).hasValue(2);
    }

    @Test
    void privateKeyMaterialInAJwksIsDropped() throws Exception {
        jwks = new JWKSet(key("k1")).toString(false); // with the private parts
        assertThat(keys.candidates(issuer, "k1")).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() throws Exception {
        publish(key("k1"));
        discoveredIssuer = "https://attacker.example";
        assertThatThrownBy(() -> keys.candidates(issuer, "k1")).isInstanceOf(IdpUnreachableException.class)
                .hasMessageContaining("names another issuer");
    }

    @Test
    void anOversizedJwksIsRefused() {
        jwks = "{\"keys\":[],\"pad\":\"" + "x".repeat(OidcFetcher.MAX_BODY_BYTES) + "\"}";
        assertThatThrownBy(() -> keys.candidates(issuer, "k1")).isInstanceOf(IdpUnreachableException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void plainHttpIsFetchedOnlyWhenAllowed() {
        IssuerKeys strict = new IssuerKeys(new OidcFetcher(OidcTrust.jvmDefault(), false), Clock.systemUTC());
        assertThatThrownBy(() -> strict.candidates(issuer, "k1")).isInstanceOf(IdpUnreachableException.class)
                .hasMessageContaining("only https");
    }
}
