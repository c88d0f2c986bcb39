package io.gatehouse.app.keys;

import io.gatehouse.app.DataCommand;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.outbound.SigningKeyRing;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gatehouse keys rotate-token-signing-keys}: makes new keys (RS256 and ES384) that sign the web identity tokens
 * GetWebIdentityToken issues from then on. The issuers' JWKS keeps publishing the keys current until now, so the tokens
 * they signed (an hour at most) still verify; the keys before them leave the JWKS. A server running on the same data
 * signs with the new keys within a minute.
 */
@Command(name = "rotate-token-signing-keys", mixinStandardHelpOptions = true,
        description = {"Make new keys for the web identity tokens GetWebIdentityToken signs from now on.",
                "The JWKS keeps the keys current until now for the tokens they signed; older keys leave it.",
                "A server already running on the same data signs with the new keys within a minute.",
                "Exit status: 0 rotated, 1 refused (there is no data)."})
public final class RotateTokenSigningKeysCommand extends DataCommand {

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    public RotateTokenSigningKeysCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    protected int run(GatehouseData opened) {
        PrintWriter out = out();
        SigningKeyRing after = opened.signingKeys().rotate();
        out.println("Rotated the token signing keys of " + data.where() + ".");
        out.println("  signing keys   " + String.join(", ", after.current().stream()
                .map(key -> key.getKeyID() + " (" + key.getAlgorithm() + ")").toList()));
        if (!after.previous().isEmpty()) {
            out.println("  still in JWKS  " + String.join(", ", after.previous().stream()
                    .map(key -> key.getKeyID()).toList()) + ", for the tokens they signed");
        }
        out.println("A server already running on this data signs with the new keys within a minute.");
        return CommandLine.ExitCode.OK;
    }
}
