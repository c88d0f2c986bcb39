package io.gatehouse.policy.parse;

/**
 * A place in the document text.
 *
 * @param line   1-based line, or 0 when the problem concerns the whole document
 * @param column 1-based column, or 0
 */
record Position(int line, int column) {

    /** For problems that concern the whole document rather than one place in it. */
    static final Position DOCUMENT = new Position(0, 0);
}
