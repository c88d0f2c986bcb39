package io.gatehouse.app.accounts;

import io.gatehouse.app.SecretInput;
import io.gatehouse.server.RootPasswords;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.state.Account;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the account commands take the root user's console password: from {@value RootPasswords#PASSWORD_VARIABLE},
 * else typed at the terminal without echo, else (with {@code --password-stdin}) the first line of standard input. A
 * picocli mixin.
 */
public final class RootPasswordOptions {

    @Option(names = "--password-stdin",
            description = "Read the root password from the first line of standard input instead of the terminal.")
    boolean passwordStdin;

    /**
     * The root sign-in for an address, its password read as above and hashed with the default Argon2id parameters
     * (a server configured with stronger ones rehashes it at the first sign-in).
     *
     * @throws IllegalArgumentException when the address or password breaks AWS's rules for the root user
     * @throws IllegalStateException    when no password can be read
     */
    Account.RootLogin login(String email, Map<String, String> environment, SecretInput input) {
        String password = environment.get(RootPasswords.PASSWORD_VARIABLE);
        if (password == null) {
            password = input.secret("Root password");
        }
        return RootPasswords.login(new PasswordHasher(PasswordHashing.DEFAULT), email, password);
    }

    SecretInput input(java.io.InputStream stdin) {
        return new SecretInput(stdin, System.console(), passwordStdin);
    }
}
