package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A server certificate's private key is checked against the certificate's key, within sizes that bound the work. */
class PrivateKeysTest {

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String pkcs8(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aMatchingKeyPasses() throws Exception {
        KeyPair keys = rsa(2048);
        PrivateKeys.checkMatches(pkcs8(keys), keys.getPublic());
    }

    @Test
    void anRsaKeyLongerThan4096BitsIsRefusedBeforeAnythingIsSignedWithIt() throws Exception {
        KeyPair keys = rsa(4608);
        assertThatThrownBy(() -> PrivateKeys.checkMatches(pkcs8(keys), keys.getPublic()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("MalformedCertificate");
                    assertThat(e.getMessage()).contains("4608 bits").contains("at most 4096 bits");
                });
    }
}
