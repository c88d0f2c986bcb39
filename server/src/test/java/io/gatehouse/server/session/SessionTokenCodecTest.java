package io.gatehouse.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

/** The session token format: what goes in comes out, and any change to a token makes it refused. */
class SessionTokenCodecTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant ISSUED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

    private final SessionTokenCodec codec = new SessionTokenCodec();
    private final SessionKeyRing ring = SessionKeyRing.first(RANDOM, ISSUED);

    private static SessionToken user(Instant mfaAt) {
        SessionPrincipal alice = new SessionPrincipal(SessionPrincipal.Kind.USER,
                "arn:aws:iam::123456789012:user/division/alice", "AIDAEXAMPLEUSER000001");
        return new SessionToken(new Session("ASIAAAAAAAAAEXAMPLE00001", "123456789012", alice, ISSUED,
                ISSUED.plusSeconds(43_200), mfaAt), SECRET);
    }

    private static byte[] bytes(String token) {
        return Base64.getUrlDecoder().decode(token);
    }

    private static String text(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void whatIsSealedIsWhatIsOpened() {
        for (SessionToken token : new SessionToken[] {user(null), user(ISSUED.minusSeconds(30)),
                new SessionToken(new Session("ASIAAAAAAAAAEXAMPLE00002", "123456789012",
                        new SessionPrincipal(SessionPrincipal.Kind.ROOT, "arn:aws:iam::123456789012:root",
                                "123456789012"), ISSUED, ISSUED.plusSeconds(3600), null), SECRET)}) {
            String sealed = codec.encode(token, ring.current());
            assertThat(sealed).matches("[A-Za-z0-9_-]+").hasSizeLessThan(400);
            assertThat(codec.decode(sealed, ring)).isEqualTo(token);
        }
    }

    /** A role session with everything a token may carry. */
    private static SessionToken roleSession(SessionPolicies policies, List<SessionTag> tags, String sourceIdentity) {
        SessionPrincipal session = new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                "arn:aws:sts::123456789012:assumed-role/deployer/build-42", "AROAEXAMPLEROLE000001:build-42");
        SessionAttributes attributes = new SessionAttributes(new SessionIssuer(
                "arn:aws:iam::123456789012:role/ci/deployer", "AROAEXAMPLEROLE000001"), policies, tags, sourceIdentity);
        return new SessionToken(new Session("ASIAAAAAAAAAEXAMPLE00003", "123456789012", session, ISSUED,
                ISSUED.plusSeconds(3600), ISSUED.minusSeconds(5), attributes), SECRET);
    }

    @Test
    void roleAndFederatedSessionsKeepTheirIssuerPoliciesTagsAndSourceIdentity() {
        SessionPolicies policies = new SessionPolicies(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                List.of("arn:aws:iam::123456789012:policy/ReadOnly", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        List<SessionTag> tags = List.of(new SessionTag("Project", "Ünïcode ✓", true), new SessionTag("cost", "", false));
        SessionToken federated = new SessionToken(new Session("ASIAAAAAAAAAEXAMPLE00004", "123456789012",
                new SessionPrincipal(SessionPrincipal.Kind.FEDERATED_USER,
                        "arn:aws:sts::123456789012:federated-user/bob", "123456789012:bob"), ISSUED,
                ISSUED.plusSeconds(900), null, new SessionAttributes(new SessionIssuer(
                        "arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEUSER000001"), policies, List.of(), null)),
                SECRET);
        for (SessionToken token : new SessionToken[] {roleSession(policies, tags, "alice@example.com"),
                roleSession(SessionPolicies.NONE, List.of(), null), roleSession(SessionPolicies.NONE, tags, null),
                roleSession(new SessionPolicies(null, List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")), List.of(),
                        "x1"), federated}) {
            assertThat(codec.decode(codec.encode(token, ring.current()), ring)).isEqualTo(token);
        }
        SessionPrincipal principal = roleSession(policies, tags, null).session().principal();
        assertThat(principal.sessionName()).isEqualTo("build-42");
        assertThat(principal.userName()).isNull();
        SessionIssuer issuer = roleSession(policies, tags, null).session().attributes().issuer();
        assertThat(issuer.name()).isEqualTo("deployer");
        assertThat(issuer.path()).isEqualTo("/ci/");
    }

    @Test
    void aWebIdentitySessionKeepsItsProviderBesideEverythingElse() {
        String provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        SessionToken plain = roleSession(SessionPolicies.NONE, List.of(), "ci");
        SessionAttributes attributes = plain.session().attributes();
        SessionToken webIdentity = new SessionToken(new Session(plain.session().accessKeyId(), "123456789012",
                plain.session().principal(), ISSUED, ISSUED.plusSeconds(3600), null, new SessionAttributes(
                        attributes.issuer(), new SessionPolicies(null, List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")),
                        List.of(), attributes.sourceIdentity(), provider)), SECRET);

        SessionToken read = codec.decode(codec.encode(webIdentity, ring.current()), ring);

        assertThat(read).isEqualTo(webIdentity);
        assertThat(read.session().attributes().federatedProvider()).isEqualTo(provider);
        assertThat(codec.decode(codec.encode(plain, ring.current()), ring).session().attributes().federatedProvider())
                .isNull();
    }

    @Test
    void aSamlSessionKeepsTheIdentityProvidersKeysSingleAndMultiValued() {
        SessionToken plain = roleSession(SessionPolicies.NONE, List.of(), "saml");
        SessionAttributes attributes = plain.session().attributes();
        List<FederationKey> keys = List.of(new FederationKey("saml:sub", false, List.of("alice@example.com")),
                new FederationKey("saml:edupersonaffiliation", true, List.of("member", "staff")),
                new FederationKey("saml:mail", true, List.of()));
        SessionToken saml = new SessionToken(new Session(plain.session().accessKeyId(), "123456789012",
                plain.session().principal(), ISSUED, ISSUED.plusSeconds(3600), null, new SessionAttributes(
                        attributes.issuer(), SessionPolicies.NONE, List.of(), null, null, keys)), SECRET);

        SessionToken read = codec.decode(codec.encode(saml, ring.current()), ring);

        assertThat(read).isEqualTo(saml);
        assertThat(read.session().attributes().federationKeys()).isEqualTo(keys);
        assertThatThrownBy(() -> new FederationKey("saml:sub", false, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policiesAndTagsArePackedAndTheirSizeIsAPercentageOfTheLimit() {
        SessionPolicies policies = new SessionPolicies("{\"Version\":\"2012-10-17\",\"Statement\":[]}", List.of());
        byte[] small = SessionPacking.pack(policies, List.of());
        assertThat(SessionPacking.percent(small)).isBetween(1, 5);
        List<SessionTag> repetitive = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            repetitive.add(new SessionTag("key-" + i, "a".repeat(256), false));
        }
        assertThat(SessionPacking.percent(SessionPacking.pack(policies, repetitive))).as("compressed").isLessThan(100);
        List<SessionTag> random = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[192];
            RANDOM.nextBytes(bytes);
            random.add(new SessionTag("key-" + i, Base64.getEncoder().encodeToString(bytes), false));
        }
        byte[] large = SessionPacking.pack(policies, random);
        assertThat(SessionPacking.percent(large)).isGreaterThan(100);
        assertThat(SessionPacking.unpack(large)).isEqualTo(new SessionPacking.Unpacked(policies, random));
        assertThatThrownBy(() -> SessionPacking.unpack(Arrays.copyOf(large, large.length / 2)))
                .isInstanceOf(SessionTokenException.class);
    }

    @Test
    void extensionsOutOfOrderOrRepeatedAreRefused() {
        SessionToken token = roleSession(SessionPolicies.NONE, List.of(), "alice");
        SessionKey key = ring.current();
        byte[] payload = payload(codec.encode(token, key), key);
        // The payload ends with: count 2, issuer extension, source identity extension (type 2, length 6, "alice").
        int sourceAt = payload.length - 3 - 6;
        assertThat(payload[sourceAt]).isEqualTo((byte) 2);
        byte[] repeated = payload.clone();
        repeated[sourceAt] = 1;
        assertThatThrownBy(() -> codec.decode(seal(1, key, repeated), ring)).hasMessage("extensions out of order");
    }

    @Test
    void aTokenReadsAsTheUserAndPathItNames() {
        SessionPrincipal principal = user(null).session().principal();
        assertThat(principal.userName()).isEqualTo("alice");
        assertThat(principal.userPath()).isEqualTo("/division/");
    }

    @Test
    void theSameSessionSealedTwiceGivesTwoTokens() {
        assertThat(codec.encode(user(null), ring.current())).isNotEqualTo(codec.encode(user(null), ring.current()));
    }

    @Test
    void changingAnyByteOfATokenMakesItRefused() {
        byte[] good = bytes(codec.encode(user(ISSUED), ring.current()));
        for (int i = 0; i < good.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] changed = good.clone();
                changed[i] ^= (byte) bit;
                String token = text(changed);
                assertThatThrownBy(() -> codec.decode(token, ring)).as("byte %d, bit %x", i, bit)
                        .isInstanceOf(SessionTokenException.class);
            }
        }
    }

    @Test
    void cuttingOrExtendingATokenMakesItRefused() {
        byte[] good = bytes(codec.encode(user(null), ring.current()));
        for (int length = 0; length < good.length; length++) {
            String token = text(Arrays.copyOf(good, length));
            assertThatThrownBy(() -> codec.decode(token, ring)).isInstanceOf(SessionTokenException.class);
        }
        String longer = text(Arrays.copyOf(good, good.length + 1));
        assertThatThrownBy(() -> codec.decode(longer, ring)).isInstanceOf(SessionTokenException.class);
    }

    @Test
    void aTokenIsReadInItsOneSpellingOnly() {
        String good = codec.encode(user(null), ring.current());
        // The last character of unpadded base64 may carry unused bits; setting them spells the same bytes otherwise.
        int length = bytes(good).length;
        if (length % 3 != 0) {
            char last = good.charAt(good.length() - 1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            String respelled = good.substring(0, good.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
            assertThat(respelled).isNotEqualTo(good);
            assertThatThrownBy(() -> codec.decode(respelled, ring)).isInstanceOf(SessionTokenException.class);
        }
        for (String garbage : new String[] {"", "not a token!", good + "=", "+" + good.substring(1)}) {
            assertThatThrownBy(() -> codec.decode(garbage, ring)).isInstanceOf(SessionTokenException.class);
        }
    }

    @Test
    void anotherVersionIsRefusedEvenWithAValidSeal() {
        byte[] payload = payload(codec.encode(user(null), ring.current()), ring.current());
        assertThatThrownBy(() -> codec.decode(seal(2, ring.current(), payload), ring))
                .isInstanceOf(SessionTokenException.class).hasMessage("unknown version 2");
        assertThat(codec.decode(seal(1, ring.current(), payload), ring)).isEqualTo(user(null));
    }

    @Test
    void aPayloadThatIsNotExactlyTheFormatIsRefusedEvenWithAValidSeal() {
        SessionKey key = ring.current();
        byte[] payload = payload(codec.encode(user(null), key), key);
        byte[] trailing = Arrays.copyOf(payload, payload.length + 1);
        assertThatThrownBy(() -> codec.decode(seal(1, key, trailing), ring)).hasMessage("bytes after the payload");
        byte[] extension = Arrays.copyOf(payload, payload.length + 3);
        extension[payload.length - 1] = 1;
        extension[payload.length] = 6; // no such type: it might restrict the session, so it is not skipped
        assertThatThrownBy(() -> codec.decode(seal(1, key, extension), ring)).hasMessage("unknown extensions");
        byte[] issuerOnUser = Arrays.copyOf(payload, payload.length + 6);
        issuerOnUser[payload.length - 1] = 1;
        issuerOnUser[payload.length] = 1;
        issuerOnUser[payload.length + 2] = 3; // an issuer of an empty ARN and id: 3 bytes of lengths
        assertThatThrownBy(() -> codec.decode(seal(1, key, issuerOnUser), ring))
                .hasMessage("issuer does not fit the principal kind");
        byte[] flags = payload.clone();
        flags[flags.length - 2] = 2;
        assertThatThrownBy(() -> codec.decode(seal(1, key, flags), ring)).hasMessage("unknown flags");
        byte[] kind = payload.clone();
        int kindAt = 1 + payload[0] + 1 + payload[1 + payload[0]];
        kindAt += 1 + payload[kindAt];
        kind[kindAt] = 2; // an assumed role, which must name its issuer
        assertThatThrownBy(() -> codec.decode(seal(1, key, kind), ring))
                .hasMessage("issuer does not fit the principal kind");
        kind[kindAt] = 4;
        assertThatThrownBy(() -> codec.decode(seal(1, key, kind), ring)).hasMessage("unknown principal kind");
        assertThatThrownBy(() -> codec.decode(seal(1, key, Arrays.copyOf(payload, 10)), ring))
                .hasMessage("malformed payload");
    }

    @Test
    void aTokenUnderThePreviousKeyIsReadAndOneUnderADroppedKeyIsNot() {
        String underFirst = codec.encode(user(null), ring.current());
        SessionKeyRing once = ring.rotated(RANDOM, ISSUED.plusSeconds(60));
        assertThat(codec.decode(underFirst, once)).isEqualTo(user(null));
        String underSecond = codec.encode(user(null), once.current());
        SessionKeyRing twice = once.rotated(RANDOM, ISSUED.plusSeconds(120));
        assertThat(codec.decode(underSecond, twice)).isEqualTo(user(null));
        assertThatThrownBy(() -> codec.decode(underFirst, twice)).isInstanceOf(SessionTokenException.class)
                .hasMessage("sealed under a session key this server does not hold");
        SessionKeyRing elsewhere = SessionKeyRing.first(RANDOM, ISSUED);
        assertThatThrownBy(() -> codec.decode(underFirst, elsewhere)).isInstanceOf(SessionTokenException.class);
    }

    @Test
    void theSecretStaysOutOfEveryDescription() {
        assertThat(user(null).toString()).doesNotContain(SECRET).contains("<redacted>");
        assertThat(ring.current().toString()).doesNotContain(Base64.getEncoder().encodeToString(ring.current().key()));
    }

    @Test
    void aRingSurvivesItsStoredForm() {
        SessionKeyRing rotated = ring.rotated(RANDOM, ISSUED.plusSeconds(1));
        assertThat(SessionKeyRing.decode(rotated.encode())).isEqualTo(rotated);
        assertThat(SessionKeyRing.decode(ring.encode())).isEqualTo(ring);
    }

    /** The payload a token carries, opened with the key that sealed it. */
    private static byte[] payload(String token, SessionKey key) {
        byte[] bytes = bytes(token);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(128, bytes, 5, 12));
            cipher.updateAAD(bytes, 0, 5);
            return cipher.doFinal(bytes, 17, bytes.length - 17);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A token of any version and payload, sealed as the format says. */
    private static String seal(int version, SessionKey key, byte[] payload) {
        byte[] header = ByteBuffer.allocate(5).put((byte) version).putInt(key.id()).array();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(payload);
            return text(ByteBuffer.allocate(17 + sealed.length).put(header).put(nonce).put(sealed).array());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
