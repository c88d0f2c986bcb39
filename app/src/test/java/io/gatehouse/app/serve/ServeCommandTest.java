package io.gatehouse.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.Gatehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gatehouse serve} refuses options it cannot honour before it touches the data directory. */
class ServeCommandTest {

    @TempDir
    Path directory;

    @Test
    void anAccountIdThatIsNotTwelveDigitsIsRefusedWithHowToFixIt() {
        StringWriter err = new StringWriter();
        CommandLine command = Gatehouse.commandLine(Map.of());
        command.setErr(new PrintWriter(err));
        Path data = directory.resolve("data");

        int status = command.execute("serve", "--port", "0", "--data-dir", data.toString(), "--account-id", "12345");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--account-id '12345' is not an AWS account id: give 12 digits");
        assertThat(Files.exists(data)).isFalse();
    }
}
