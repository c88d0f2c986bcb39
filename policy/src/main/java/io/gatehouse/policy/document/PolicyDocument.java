package io.gatehouse.policy.document;

import java.util.List;

/**
 * A policy document as written, after structural parsing.
 *
 * @param version    the {@code Version} string, or {@code null} when absent (AWS then applies 2008-10-17 rules)
 * @param id         the {@code Id}, or {@code null}
 * @param statements the statements in document order (a single statement object becomes a one-element list)
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {

    /** The current policy language version; the only one in which policy variables are substituted. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The original policy language version: no policy variables. */
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Whether {@code ${...}} in this document are policy variables (true only for Version 2012-10-17). */
    public boolean supportsVariables() {
        return VERSION_2012.equals(version);
    }
}
