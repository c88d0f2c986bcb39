package io.gatehouse.app.keys;

import io.gatehouse.app.DataCommand;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.session.SessionKey;
import io.gatehouse.server.session.SessionKeyRing;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gatehouse keys rotate-session-key}: makes a new session key, which seals the session tokens issued from then
 * on. Tokens sealed under the key that was current stay valid until they expire; tokens sealed under the key before it
 * are refused from then on, so two rotations in a row end every session. A server running on the same data reads the
 * new keys within a minute (SessionKeys), and its tokens stay valid after one rotation.
 */
@Command(name = "rotate-session-key", mixinStandardHelpOptions = true,
        description = {"Make a new session key for the session tokens STS issues from now on.",
                "Tokens under the key current until now stay valid until they expire; older tokens are refused.",
                "A server already running on the same data reads the new key within a minute.",
                "Exit status: 0 rotated, 1 refused (there is no data)."})
public final class RotateSessionKeyCommand extends DataCommand {

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    public RotateSessionKeyCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    protected int run(GatehouseData opened) {
        PrintWriter out = out();
        List<SessionKey> before = opened.sessionKeys().ring().keys();
        SessionKeyRing after = opened.sessionKeys().rotate();
        out.println("Rotated the session keys of " + data.where() + ".");
        out.println("  current key  " + after.current().idHex() + " seals new session tokens");
        out.println("  previous key " + after.previous().idHex()
                + " stays valid for the tokens it sealed, until they expire");
        before.stream().filter(key -> after.keys().stream().noneMatch(kept -> kept.id() == key.id()))
                .forEach(key -> out.println("  dropped key  " + key.idHex() + ": its tokens are refused from now on"));
        out.println("A server already running on this data reads the new key within a minute.");
        return CommandLine.ExitCode.OK;
    }
}
