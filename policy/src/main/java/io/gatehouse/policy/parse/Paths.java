package io.gatehouse.policy.parse;

/** Builds the paths that locate a problem: {@code Statement[1].Condition.StringLike["s3:prefix"][0]}. */
final class Paths {

    private Paths() {}

    /** The path of a member of the object at {@code parent}; names that are not plain words are quoted. */
    static String member(String parent, String name) {
        String part = isPlain(name) ? name : quoted(name);
        if (parent.isEmpty()) {
            return part;
        }
        return part.startsWith("[") ? parent + part : parent + "." + part;
    }

    /** The path of an item of the array at {@code parent}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == ':' || c == '/';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4).append("[\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append("\"]").toString();
    }
}
