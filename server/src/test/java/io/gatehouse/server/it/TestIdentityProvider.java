package io.gatehouse.server.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An OpenID Connect identity provider inside a test: an HTTP (or HTTPS, with a self-signed certificate for
 * {@code 127.0.0.1}) server answering {@code /.well-known/openid-configuration} and a JWKS, and signing ID tokens with
 * its current RSA key. Keys can be rotated, and the JWKS endpoint can be made to fail.
 */
final class TestIdentityProvider implements AutoCloseable {

    private final HttpServer server;
    private final String issuer;
    private final X509Certificate certificate;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile JWK signingKey;
    private volatile List<JWK> published;
    private volatile boolean jwksDown;

    private TestIdentityProvider(HttpServer server, String scheme, X509Certificate certificate) {
        this.server = server;
        this.certificate = certificate;
        this.issuer = scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/idp";
        this.signingKey = newKey();
        this.published = List.of(signingKey.toPublicJWK());
        server.createContext("/idp/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":"
                        + "[\"id_token\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/idp/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            if (jwksDown) {
                answer(exchange, 503, "{}");
            } else {
                answer(exchange, 200, new JWKSet(published).toString(true));
            }
        });
        server.start();
    }

    /** A provider over plain http (for a server in {@code --dev} mode). */
    static TestIdentityProvider http() throws IOException {
        return new TestIdentityProvider(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
                "http", null);
    }

    /** A provider over HTTPS, with a self-signed certificate for 127.0.0.1 ({@link #caPem}). */
    static TestIdentityProvider https() throws Exception {
        KeyPair keys = CredentialFixtures.rsa(2048);
        X509Certificate certificate = selfSignedFor127(keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("idp", keys.getPrivate(), new char[0], new Certificate[] {certificate});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new TestIdentityProvider(server, "https", certificate);
    }

    private static X509Certificate selfSignedFor127(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=127.0.0.1");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** Writes the HTTPS server's certificate as a PEM CA bundle. */
    Path caPem(Path directory) throws IOException {
        Path file = directory.resolve("oidc-ca-" + UUID.randomUUID() + ".pem");
        Files.writeString(file, CredentialFixtures.pem(certificate));
        return file;
    }

    String issuer() {
        return issuer;
    }

    /** The issuer without its scheme: the provider's name, its ARN's tail and its condition keys' prefix. */
    String name() {
        return issuer.substring(issuer.indexOf("://") + 3);
    }

    JWK signingKey() {
        return signingKey;
    }

    /** Signs ES256 with a new P-256 key from now on and publishes only it. */
    void rotateToEc() {
        try {
            signingKey = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        published = List.of(signingKey.toPublicJWK());
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    /** Signs with a new key from now on and publishes only it. */
    void rotate() {
        signingKey = newKey();
        published = List.of(signingKey.toPublicJWK());
    }

    /** Signs with a new key from now on without publishing it (yet). */
    void signWithUnpublishedKey() {
        signingKey = newKey();
    }

    /** Publishes the signing key (after {@link #signWithUnpublishedKey}). */
    void publishSigningKey() {
        published = List.of(signingKey.toPublicJWK());
    }

    void jwksDown(boolean down) {
        jwksDown = down;
    }

    /**
     * A token signed RS256 with the current key: issuer, subject, audience, an hour of validity from a minute ago,
     * changed by {@code claims}.
     */
    String token(String subject, String audience, UnaryOperator<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(now.minusSeconds(60))).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        return sign(claims.apply(builder).build(), signingKey);
    }

    String token(String subject, String audience) {
        return token(subject, audience, UnaryOperator.identity());
    }

    /** Signs RS256 with an RSA key, ES256 with a P-256 key. */
    static String sign(JWTClaimsSet claims, JWK key) {
        boolean ec = key instanceof ECKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(ec ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
