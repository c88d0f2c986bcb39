package io.gatehouse.server.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * What a client sends to sign in: an IAM user's account (id or alias), user name and password, or the root user's
 * email address and password; an MFA code when the principal has a device; a new password when the current one must
 * be changed. Read from JSON strictly: an object of string members, nothing nested, each member bounded.
 *
 * @param account     the account id or alias (IAM users), or {@code null}
 * @param userName    the IAM user's name, or {@code null}
 * @param email       the root user's email address, or {@code null}
 * @param password    the password
 * @param mfaCode     the MFA code, or {@code null}
 * @param newPassword the password to change to, or {@code null}
 */
record SignInRequest(String account, String userName, String email, String password, String mfaCode,
                     String newPassword) {

    /** The longest member value read; the longest password is 128 characters, an email address 64. */
    static final int MAX_VALUE_LENGTH = 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1)
                    .maxStringLength(MAX_VALUE_LENGTH).build())
            .build();

    /** Why a body is not a sign-in request. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether the request signs in the root user (by email address). */
    boolean root() {
        return email != null;
    }

    /**
     * Reads a request body.
     *
     * @throws Malformed when it is not a JSON object of strings with either {@code email} or {@code account} and
     *                   {@code userName}, and a {@code password}; the message names no value
     */
    static SignInRequest parse(byte[] body) throws Malformed {
        String account = null;
        String userName = null;
        String email = null;
        String password = null;
        String mfaCode = null;
        String newPassword = null;
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("The request body must be a JSON object.");
            }
            for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    throw new Malformed("Each member of the request must be a string.");
                }
                String text = value == JsonToken.VALUE_NULL ? null : json.getText();
                switch (name) {
                    case "account" -> account = text;
                    case "userName" -> userName = text;
                    case "email" -> email = text;
                    case "password" -> password = text;
                    case "mfaCode" -> mfaCode = text;
                    case "newPassword" -> newPassword = text;
                    default -> throw new Malformed("Unknown member of the request: " + printable(name));
                }
            }
            if (json.nextToken() != null) {
                throw new Malformed("The request body must be one JSON object.");
            }
        } catch (IOException | RuntimeException notJson) {
            // Jackson's messages may quote the input, which holds a password: none is passed on.
            throw new Malformed("The request body is not valid JSON.");
        }
        if (password == null || (email == null) == (account == null || userName == null)
                || (email != null && (account != null || userName != null))) {
            throw new Malformed("Give either email and password (root user) or account, userName and password.");
        }
        return new SignInRequest(account, userName, email, password, mfaCode, newPassword);
    }

    /** A member name safe to echo: short, and only the characters member names are made of. */
    private static String printable(String name) {
        String shown = name.length() > 32 ? name.substring(0, 32) : name;
        return shown.matches("[A-Za-z0-9_]*") ? shown : "(not shown)";
    }

    @Override
    public String toString() {
        // Never print a password or a code.
        return "SignInRequest[" + (root() ? "root " + email : account + "/" + userName) + "]";
    }
}
