package io.gatehouse.catalog;

import java.util.List;

/** Splits the records of the generated resources: tab-separated fields, comma-separated lists. */
final class Tsv {

    private Tsv() {
    }

    /** Whether a line is a comment or blank, and carries no record. */
    static boolean isComment(String line) {
        return line.isEmpty() || line.charAt(0) == '#';
    }

    /**
     * The tab-separated fields of a record that must have exactly {@code count} of them.
     *
     * @throws IllegalStateException on any other number of fields
     */
    static String[] fields(String line, int count) {
        String[] fields = line.split("\t", -1);
        if (fields.length != count) {
            throw new IllegalStateException("catalog record has " + fields.length + " fields, expected " + count
                    + ": " + line);
        }
        return fields;
    }

    /** The comma-separated items of a list field; empty for an empty field. */
    static List<String> list(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(",", -1));
    }
}
