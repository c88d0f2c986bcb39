package io.gatehouse.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyLoaderTest {

    @TempDir
    Path dataDirectory;

    private final String base64Key = MasterKey.generate(new SecureRandom()).encoded();

    @Test
    void firstStartCreatesAnOwnerOnlyKeyFileThatLaterStartsReuse() throws IOException {
        MasterKey created = MasterKeyLoader.load(Map.of(), null, dataDirectory);
        Path file = dataDirectory.resolve(MasterKeyLoader.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(MasterKey.LENGTH);
        assertThat(MasterKeyLoader.load(Map.of(), null, dataDirectory).id()).isEqualTo(created.id());
    }

    @Test
    void aDataDirectoryKeyFileOpenToOthersStopsTheStart() throws IOException {
        MasterKeyLoader.load(Map.of(), null, dataDirectory);
        Path file = dataDirectory.resolve(MasterKeyLoader.FILE_NAME);
        for (String permissions : new String[] {"rw-r--r--", "rw----r--", "rw--w----", "rw------x"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            assertThatIllegalStateException().as(permissions)
                    .isThrownBy(() -> MasterKeyLoader.load(Map.of(), null, dataDirectory))
                    .withMessageContaining("chmod 600");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(MasterKeyLoader.load(Map.of(), null, dataDirectory)).isNotNull();
    }

    @Test
    void theEnvironmentComesFirst() throws IOException {
        Path operatorFile = keyFile("rw-------");
        MasterKey fromEnvironment = MasterKeyLoader.load(
                Map.of(MasterKeyLoader.ENVIRONMENT_VARIABLE, base64Key), operatorFile, dataDirectory);

        assertThat(fromEnvironment.encoded()).isEqualTo(base64Key);
        assertThat(dataDirectory.resolve(MasterKeyLoader.FILE_NAME)).doesNotExist();
    }

    @Test
    void anOperatorKeyFileComesBeforeTheDataDirectoryAndMayBeWorldReadable() throws IOException {
        Path operatorFile = keyFile("rw-r--r--");
        assertThat(MasterKeyLoader.load(Map.of(), operatorFile, dataDirectory).encoded()).isEqualTo(base64Key);
        assertThat(dataDirectory.resolve(MasterKeyLoader.FILE_NAME)).doesNotExist();
    }

    @Test
    void aMissingOperatorKeyFileIsNotCreated() {
        Path missing = dataDirectory.resolve("elsewhere.key");
        assertThatIllegalStateException().isThrownBy(() -> MasterKeyLoader.load(Map.of(), missing, dataDirectory))
                .withMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void unusableKeysStopTheStartWithoutShowingTheValue() throws IOException {
        String notBase64 = "s3cr3t-not-base64!";
        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyLoader.load(Map.of(MasterKeyLoader.ENVIRONMENT_VARIABLE, notBase64), null,
                        dataDirectory))
                .withMessageContaining(MasterKeyLoader.ENVIRONMENT_VARIABLE).withMessageNotContaining("s3cr3t")
                .withMessageNotContaining("!").withNoCause();
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyLoader.load(Map.of(MasterKeyLoader.ENVIRONMENT_VARIABLE, shortKey), null,
                        dataDirectory))
                .withMessageContaining("32 bytes").withMessageNotContaining(shortKey);

        Path corrupt = dataDirectory.resolve(MasterKeyLoader.FILE_NAME);
        Files.writeString(corrupt, "garbage", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(corrupt, PosixFilePermissions.fromString("rw-------"));
        assertThatIllegalStateException().isThrownBy(() -> MasterKeyLoader.load(Map.of(), null, dataDirectory))
                .withMessageContaining("key file").withMessageNotContaining("garbage");
    }

    private Path keyFile(String permissions) throws IOException {
        Path file = Files.createTempFile(dataDirectory, "operator", ".key");
        Files.writeString(file, base64Key + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
