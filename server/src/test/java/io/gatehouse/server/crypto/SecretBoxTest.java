package io.gatehouse.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String CONTEXT = "access-key:AKIAIOSFODNN7EXAMPLE";
    private static final byte[] SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);

    private final MasterKey key = MasterKey.generate(new SecureRandom());
    private final SecretBox box = new SecretBox(key);

    @Test
    void sealedSecretsOpenForTheirContext() {
        assertThat(box.open(CONTEXT, box.seal(CONTEXT, SECRET))).isEqualTo(SECRET);
        assertThat(box.open("totp:alice", box.seal("totp:alice", new byte[0]))).isEmpty();
        byte[] large = new byte[100_000];
        new SecureRandom().nextBytes(large);
        assertThat(box.open("signing-key:1", box.seal("signing-key:1", large))).isEqualTo(large);
    }

    @Test
    void anotherBoxWithTheSameKeyOpensIt() {
        String sealed = box.seal(CONTEXT, SECRET);
        assertThat(new SecretBox(MasterKey.of(Base64.getDecoder().decode(key.encoded()))).open(CONTEXT, sealed))
                .isEqualTo(SECRET);
    }

    @Test
    void everySealUsesAFreshNonce() {
        String first = box.seal(CONTEXT, SECRET);
        String second = box.seal(CONTEXT, SECRET);
        assertThat(first).isNotEqualTo(second);
        assertThat(nonce(first)).isNotEqualTo(nonce(second));
    }

    @Test
    void theFormatIsVersionKeyIdNonceCiphertextAndTag() {
        byte[] sealed = Base64.getUrlDecoder().decode(box.seal(CONTEXT, SECRET));
        assertThat(sealed).hasSize(1 + 4 + 12 + SECRET.length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(HexFormat.of().formatHex(sealed, 1, 5)).isEqualTo(key.id());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
    }

    @Test
    void anotherContextFailsAuthentication() {
        String sealed = box.seal(CONTEXT, SECRET);
        assertThatThrownBy(() -> box.open("access-key:AKIAOTHER", sealed))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("failed authentication");
    }

    @Test
    void everyTamperedByteIsDetected() {
        byte[] sealed = Base64.getUrlDecoder().decode(box.seal(CONTEXT, SECRET));
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(CONTEXT, text)).as("byte %d flipped", i)
                    .isInstanceOf(SecretBoxException.class);
        }
    }

    @Test
    void truncatedOrGarbageValuesAreMalformed() {
        String sealed = box.seal(CONTEXT, SECRET);
        assertThatThrownBy(() -> box.open(CONTEXT, sealed.substring(0, 30)))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> box.open(CONTEXT, "not base64!"))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> box.open(CONTEXT, sealed.substring(0, sealed.length() - 2)))
                .isInstanceOf(SecretBoxException.class);
    }

    @Test
    void anotherMasterKeyIsNamedAsSuch() {
        SecretBox other = new SecretBox(MasterKey.generate(new SecureRandom()));
        String sealed = other.seal(CONTEXT, SECRET);
        assertThatThrownBy(() -> box.open(CONTEXT, sealed)).isInstanceOf(SecretBoxException.class)
                .hasMessage("sealed under master key " + other.keyId() + ", not " + box.keyId());
    }

    @Test
    void anEmptyContextIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> box.seal("", SECRET));
    }

    @Test
    void theKeyShowsOnlyItsId() {
        assertThat(key.toString()).isEqualTo("MasterKey[id=" + key.id() + "]").doesNotContain(key.encoded());
        assertThat(key.id()).matches("[0-9a-f]{8}");
        assertThatIllegalArgumentException().isThrownBy(() -> MasterKey.of(new byte[16]));
    }

    private static String nonce(String sealed) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(sealed), 5, 17);
    }
}
