package io.gatehouse.catalog;

import java.util.Locale;

/** The case folding behind every case-insensitive lookup of the catalog. */
final class Names {

    private Names() {
    }

    /** The lookup key of a name: lower case, independent of the default locale. */
    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
