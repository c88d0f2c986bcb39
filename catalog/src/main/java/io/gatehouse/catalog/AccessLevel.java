package io.gatehouse.catalog;

import java.util.Locale;

/**
 * The access level AWS assigns to an action in the Service Authorization Reference ("Actions defined
 * by ..." tables), which the IAM console's policy summaries and Access Analyzer use.
 */
public enum AccessLevel {
    /** Lists resources or their existence. */
    LIST("List"),
    /** Reads resource contents or attributes. */
    READ("Read"),
    /** Creates, changes or deletes resources. */
    WRITE("Write"),
    /** Grants or changes permissions (policies, grants, ACLs). */
    PERMISSIONS_MANAGEMENT("Permissions management"),
    /** Changes only tags. */
    TAGGING("Tagging");

    private final String awsName;

    AccessLevel(String awsName) {
        this.awsName = awsName;
    }

    /** The name as AWS writes it, e.g. {@code "Permissions management"}. */
    public String awsName() {
        return awsName;
    }

    /**
     * The level with the given AWS name, ignoring case.
     *
     * @throws IllegalArgumentException when no level has that name
     */
    public static AccessLevel ofAwsName(String name) {
        for (AccessLevel level : values()) {
            if (level.awsName.equalsIgnoreCase(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level: " + name.toLowerCase(Locale.ROOT));
    }
}
