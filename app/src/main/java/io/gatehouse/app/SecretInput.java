package io.gatehouse.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads what the person running it types: a terminal, without echo for secrets, or standard input, one
 * value a line, when the command is told to ({@code --password-stdin}, for scripts and tests). Never echoes or logs a
 * secret.
 */
public final class SecretInput {

    private final BufferedReader stdin;
    private final Console console;
    private final boolean fromStdin;

    /**
     * @param stdin     standard input
     * @param console   the terminal, or {@code null} when there is none
     * @param fromStdin read from standard input even when there is a terminal
     */
    public SecretInput(InputStream stdin, Console console, boolean fromStdin) {
        this.stdin = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        this.console = console;
        this.fromStdin = fromStdin;
    }

    /**
     * A secret, typed without echo at a terminal, or the next line of standard input.
     *
     * @throws IllegalStateException when there is neither (no terminal and not told to read standard input), or
     *                               standard input has ended
     */
    public String secret(String prompt) {
        if (!fromStdin && console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            if (typed == null) {
                throw new IllegalStateException("no " + prompt.toLowerCase() + " was typed");
            }
            return new String(typed);
        }
        return line(prompt);
    }

    /** A value that may be shown as typed (an account, a user name, an MFA code). */
    public String plain(String prompt) {
        if (!fromStdin && console != null) {
            String typed = console.readLine("%s: ", prompt);
            if (typed == null) {
                throw new IllegalStateException("no " + prompt.toLowerCase() + " was typed");
            }
            return typed.trim();
        }
        return line(prompt).trim();
    }

    private String line(String prompt) {
        if (!fromStdin) {
            throw new IllegalStateException("there is no terminal to ask for the " + prompt.toLowerCase()
                    + ": use --password-stdin and give it on standard input");
        }
        try {
            String line = stdin.readLine();
            if (line == null) {
                throw new IllegalStateException("standard input ended before the " + prompt.toLowerCase());
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
