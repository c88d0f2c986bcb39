package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Reading SSH public keys, checked against OpenSSH: the key below and its fingerprint and PEM form were made with
 * {@code ssh-keygen -t rsa -b 2048}, {@code ssh-keygen -l -E md5} and {@code ssh-keygen -e -m PKCS8}.
 */
class SshPublicKeysTest {

    private static final String OPENSSH = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC14pim7Xo2u7mt4IsuQzNO1PbPYLGZegkoWj"
            + "KTuLIGtQX1QL6baixjUfQNsednzHLbVHeYSaLCCGafS7Pq85HBoukEIOR9kSkYJ80SFvBojX3/oH7qzzAZwP+5y7FlWqLHQi4vMoGh2BkAu"
            + "q0H/Pl7Oq/X/xnqo6ENOeBq4/nLl8jQkYJipyU6id7aJDTon77km4VOXtlGqDKvEIYTOi7X8oA1hr26uMBrw4Huwk7zz68wUxrZOSYtbZqy"
            + "mMpwqi8ZnzilAOLmo48/BXB73IrXfZDx80Da1pWIGyO3qloPuWaVWIIHzIc4ykfv25EvSXou1ud03t9ykzU9Y+Ttgu8z";
    private static final String PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAteKYpu16Nru5reCLLkMz
            TtT2z2CxmXoJKFoyk7iyBrUF9UC+m2osY1H0DbHnZ8xy21R3mEmiwghmn0uz6vOR
            waLpBCDkfZEpGCfNEhbwaI19/6B+6s8wGcD/ucuxZVqix0IuLzKBodgZALqtB/z5
            ezqv1/8Z6qOhDTngauP5y5fI0JGCYqclOone2iQ06J++5JuFTl7ZRqgyrxCGEzou
            1/KANYa9urjAa8OB7sJO88+vMFMa2TkmLW2aspjKcKovGZ84pQDi5qOPPwVwe9yK
            132Q8fNA2taViBsjt6paD7lmlViCB8yHOMpH79uRL0l6LtbndN7fcpM1PWPk7YLv
            MwIDAQAB
            -----END PUBLIC KEY-----""";
    private static final String FINGERPRINT = "79:fd:ca:40:d2:8f:99:d5:55:e2:80:38:ad:d1:21:73";

    @Test
    void anOpenSshKeyHasOpenSshsFingerprintAndPemForm() {
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(OPENSSH + " vector@test\n");
        assertThat(parsed.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(parsed.ssh()).isEqualTo(OPENSSH);
        assertThat(parsed.pem()).isEqualTo(PEM);
    }

    @Test
    void aPemKeyIsTheSameKey() {
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(PEM);
        assertThat(parsed.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(parsed.ssh()).isEqualTo(OPENSSH);
    }

    @Test
    void aCorruptedKeyIsInvalid() {
        String padded = OPENSSH.substring(0, OPENSSH.length() - 4) + "AAAAAA==";
        assertThatThrownBy(() -> SshPublicKeys.parse(padded)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.error().code()).isEqualTo("InvalidPublicKey"));
    }
    @Test
    void aKeyWhosePublicExponentIsOneOrEvenIsInvalid() {
        ByteBuffer wire = ByteBuffer.wrap(Base64.getDecoder().decode(OPENSSH.substring(8)));
        byte[] type = new byte[wire.getInt()];
        wire.get(type);
        wire.get(new byte[wire.getInt()]); // the exponent, 65537
        byte[] modulus = new byte[wire.getInt()];
        wire.get(modulus);
        for (int exponent : new int[] {1, 65536}) {
            byte[] e = BigInteger.valueOf(exponent).toByteArray();
            ByteBuffer forged = ByteBuffer.allocate(12 + type.length + e.length + modulus.length);
            forged.putInt(type.length).put(type).putInt(e.length).put(e).putInt(modulus.length).put(modulus);
            String key = "ssh-rsa " + Base64.getEncoder().encodeToString(forged.array());
            assertThatThrownBy(() -> SshPublicKeys.parse(key)).as("exponent %d", exponent)
                    .isInstanceOfSatisfying(AwsException.class,
                            error -> assertThat(error.error().code()).isEqualTo("InvalidPublicKey"));
        }
    }
}
