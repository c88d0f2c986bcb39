package io.gatehouse.app.keys;

import io.gatehouse.app.DataCommand;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.outbound.SigningKeyRing;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse keys rotate-token-signing-keys}: rotates the keys that sign the web identity tokens of each account's
 * issuer (or of one account's): the next keys, which the issuer's JWKS has published since the last rotation, sign from
 * now on; the keys current until now stay in the JWKS for the tokens they signed (an hour at most); new next keys are
 * made. So relying parties that cached the JWKS before the rotation already hold the new signing keys. A server
 * running on the same data signs with them within a minute.
 */
@Command(name = "rotate-token-signing-keys", mixinStandardHelpOptions = true,
        description = {"Rotate the keys that sign GetWebIdentityToken's tokens, for every account's issuer or one's.",
                "The keys the JWKS published as next sign from now on; the old ones stay for their tokens.",
                "A server already running on the same data signs with the new keys within a minute.",
                "Exit status: 0 rotated, 1 refused (no data, or no such issuer)."})
public final class RotateTokenSigningKeysCommand extends DataCommand {

    @Option(names = "--account", paramLabel = "ID",
            description = "Rotate only this account's issuer (default: every account that has one, enabled or not).")
    String accountId;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    public RotateTokenSigningKeysCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    protected int run(GatehouseData opened) {
        Map<String, String> issuers = new TreeMap<>();
        for (AccountState account : opened.state().current().accounts().values()) {
            Account.OutboundFederation outbound = account.account().outboundFederation();
            if (outbound != null && (accountId == null || accountId.equals(account.account().id()))) {
                issuers.put(account.account().id(), outbound.issuerId());
            }
        }
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException(accountId == null
                    ? "no account of " + data.where() + " has enabled outbound identity federation, so there are no "
                            + "token signing keys to rotate"
                    : "account " + accountId + " has not enabled outbound identity federation in " + data.where());
        }
        Map<String, SigningKeyRing> rotated = new TreeMap<>();
        issuers.forEach((account, issuerId) -> rotated.put(account, opened.signingKeys().rotate(issuerId)));
        PrintWriter out = out();
        out.println("Rotated the token signing keys of " + data.where() + ".");
        rotated.forEach((account, after) -> {
            out.println("  account " + account + " (issuer " + issuers.get(account) + ")");
            out.println("    signing now    " + ids(after.current()));
            out.println("    published next " + ids(after.next()));
            out.println("    kept in JWKS   " + ids(after.previous()) + ", for the tokens they signed");
        });
        out.println("A server already running on this data signs with the new keys within a minute.");
        return CommandLine.ExitCode.OK;
    }

    private static String ids(List<com.nimbusds.jose.jwk.JWK> keys) {
        return String.join(", ", keys.stream().map(key -> key.getKeyID() + " (" + key.getAlgorithm() + ")").toList());
    }
}
