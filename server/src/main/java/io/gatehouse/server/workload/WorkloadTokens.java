package io.gatehouse.server.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.server.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workloads' bearer tokens, kept in the store as entities of kind {@value #KIND} under the account of their role,
 * keyed by the token's SHA-256 (the state loader skips them). A token is {@code gwt.ACCOUNT.SECRET}, its secret 32
 * random bytes (256 bits): so high in entropy that an unsalted SHA-256 is as good as a password hash, and the store
 * never holds a usable token. Every use reads the store, so a token issued or revoked by the command line beside a
 * running server (or on another node) counts at once; the SDKs ask only when their credentials near expiry, so this
 * costs one indexed read per workload and hour. Thread-safe.
 */
public final class WorkloadTokens {

    /** The entity kind of the tokens. */
    public static final String KIND = "workload-token";
    /** What every token starts with, so that one is recognisable in a leaked file or a secret scanner's rules. */
    static final String PREFIX = "gwt.";
    private static final Pattern TOKEN = Pattern.compile("gwt\\.(\\d{12})\\.([A-Za-z0-9_-]{43})");
    /** What a role session name may be (STS's RoleSessionName: 2 to 64 of these characters). */
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int SECRET_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final SecureRandom random = new SecureRandom();

    public WorkloadTokens(Store store) {
        this.store = store;
    }

    /**
     * A token just issued: the token itself, shown once and never stored, and what the store keeps. {@link #toString()}
     * leaves the token out.
     */
    public record Issued(String token, WorkloadToken stored) {

        @Override
        public String toString() {
            return "Issued[stored=" + stored + ", token=<redacted>]";
        }
    }

    /**
     * Issues and stores a token (durable when this returns). Whether the role or instance profile exists is the
     * caller's to check: a token bound to one that is missing when it is used yields nothing.
     *
     * @param roleName            the role, or {@code null} with an instance profile
     * @param instanceProfileName the instance profile, or {@code null} with a role
     * @param sessionName         the role session name of the credentials, or {@code null} for
     *                            {@code workload-FIRST_8_HEX_OF_ID}
     * @param ttl                 how long the token is accepted; positive
     * @throws IllegalArgumentException when the session name is not a role session name or the ttl is not positive
     */
    public Issued issue(String accountId, String roleName, String instanceProfileName, String sessionName,
                        Instant now, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the token's time to live must be positive, not " + ttl);
        }
        if (sessionName != null && !SESSION_NAME.matcher(sessionName).matches()) {
            throw new IllegalArgumentException("the session name '" + sessionName + "' is not a role session name: 2 "
                    + "to 64 letters, digits and the characters _+=,.@-");
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + accountId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = id(token);
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        WorkloadToken stored = new WorkloadToken(id, accountId, roleName, instanceProfileName,
                sessionName != null ? sessionName : "workload-" + id.substring(0, 8), issued, issued.plus(ttl));
        store.writer().run(tx -> tx.put(accountId, KIND, id, encode(stored)));
        return new Issued(token, stored);
    }

    /**
     * The stored token a bearer token is, expired or not; empty for anything else (malformed, unknown, revoked).
     */
    public Optional<WorkloadToken> find(String token) {
        Matcher parts = token == null ? null : TOKEN.matcher(token);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        // The key is the hash of what the client sent, so the lookup's timing tells nothing about stored tokens.
        return store.entity(parts.group(1), KIND, id(token)).map(row -> decode(row.body()));
    }

    /**
     * Revokes a token by its id: it is refused from now on (credentials it already yielded stay valid until they
     * expire, as a role session's do).
     *
     * @return whether there was such a token
     */
    public boolean revoke(String accountId, String id) {
        return store.writer().run(tx -> tx.delete(accountId, KIND, id));
    }

    /** The token's SHA-256 in lower-case hex: its id. */
    static String id(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String encode(WorkloadToken token) {
        ObjectNode json = JSON.createObjectNode()
                .put("id", token.id())
                .put("accountId", token.accountId())
                .put("roleName", token.roleName())
                .put("instanceProfileName", token.instanceProfileName())
                .put("sessionName", token.sessionName())
                .put("issuedAt", token.issuedAt().toString())
                .put("expiresAt", token.expiresAt().toString());
        return json.toString();
    }

    private static WorkloadToken decode(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return new WorkloadToken(json.get("id").asText(), json.get("accountId").asText(),
                    textOrNull(json, "roleName"), textOrNull(json, "instanceProfileName"),
                    json.get("sessionName").asText(), Instant.parse(json.get("issuedAt").asText()),
                    Instant.parse(json.get("expiresAt").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored workload token is not JSON", e);
        }
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
