package io.gatehouse.server.state;

import java.util.Locale;

/** IAM names are unique case-insensitively: entities are keyed by this form of their name. */
public final class Names {

    private Names() {}

    /** The key under which an entity with this name is stored. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
