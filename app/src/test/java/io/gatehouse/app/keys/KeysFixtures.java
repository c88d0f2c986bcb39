package io.gatehouse.app.keys;

import io.gatehouse.app.Gatehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import picocli.CommandLine;

/** What the tests of the {@code gatehouse keys} commands share: the environment and a way to run a command. */
final class KeysFixtures {

    static final String ROOT_KEY = "AKIAGATEHOUSEROOT001";
    static final String ROOT_SECRET = "gatehouse/root/secret/for/tests/only/0001";
    static final Map<String, String> ENVIRONMENT = Map.of(
            "GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]),
            "GATEHOUSE_ROOT_ACCESS_KEY_ID", ROOT_KEY, "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", ROOT_SECRET);

    private KeysFixtures() {}

    /** What a command run printed, and its exit status. */
    record Run(int status, String out, String err) {}

    /** Runs {@code gatehouse keys COMMAND --data-dir DIRECTORY}. */
    static Run keys(String command, Path directory) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Gatehouse.commandLine(ENVIRONMENT);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int status = line.execute("keys", command, "--data-dir", directory.toString());
        return new Run(status, out.toString(), err.toString());
    }
}
