package io.gatehouse.policy.variable;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy string split into literal text and policy variables, parsed once when a policy is compiled.
 *
 * <p>Syntax (IAM User Guide, "IAM policy elements: Variables and tags"): {@code ${key}}, {@code ${key, 'default'}}
 * (a quote inside the default is written {@code ''}), and the escapes {@code ${*}}, {@code ${?}} and {@code ${$}}
 * for a literal {@code *}, {@code ?} and {@code $}. Text that does not form a complete variable, such as an
 * unclosed {@code ${}, stays literal. Variables exist only in Version 2012-10-17 documents; in other versions the
 * whole string is literal (parse with {@code variables = false}).
 *
 * @param parts the pieces in order; adjacent literal pieces of the same kind are merged
 */
public record Template(List<Part> parts) {

    /** One piece of a template. */
    public sealed interface Part permits Text, Escaped, Variable {}

    /** Literal text in which {@code *} and {@code ?} keep any wildcard meaning the consumer gives them. */
    public record Text(String text) implements Part {}

    /** Characters from {@code ${*}}, {@code ${?}}, {@code ${$}}: literal even where wildcards are interpreted. */
    public record Escaped(String text) implements Part {}

    /** A policy variable, substituted per request. */
    public record Variable(PolicyVariable variable) implements Part {}

    public Template {
        parts = List.copyOf(parts);
    }

    /** Whether any part is a variable. */
    public boolean hasVariables() {
        return parts.stream().anyMatch(Variable.class::isInstance);
    }

    /** A template of plain text. */
    public static Template literal(String text) {
        return new Template(text.isEmpty() ? List.of() : List.of(new Text(text)));
    }

    /**
     * Parses {@code text}.
     *
     * @param variables whether {@code ${...}} is variable syntax (Version 2012-10-17) or plain text
     */
    public static Template parse(String text, boolean variables) {
        if (!variables || text.indexOf("${") < 0) {
            return literal(text);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, start);
            int end = closingBrace(text, start + 2);
            Part part = end < 0 ? null : variablePart(text.substring(start + 2, end));
            if (part == null) {
                literal.append("${");
                i = start + 2;
                continue;
            }
            flush(literal, parts);
            append(parts, part);
            i = end + 1;
        }
        flush(literal, parts);
        return new Template(parts);
    }

    /** The index of the '}' closing a variable whose body starts at {@code from}, skipping quoted defaults. */
    private static int closingBrace(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote toggles twice and stays inside the default
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static Part variablePart(String body) {
        switch (body) {
            case "*", "?", "$" -> {
                return new Escaped(body);
            }
            default -> {
                // ${key} or ${key, 'default'}
            }
        }
        int comma = body.indexOf(',');
        String key = (comma < 0 ? body : body.substring(0, comma)).strip();
        if (key.isEmpty() || !isKey(key)) {
            return null;
        }
        if (comma < 0) {
            return new Variable(PolicyVariable.of(key, null));
        }
        String rest = body.substring(comma + 1).strip();
        if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
            return null;
        }
        String quoted = rest.substring(1, rest.length() - 1);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\'') {
                if (i + 1 < quoted.length() && quoted.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return null; // a lone quote inside the default is not valid syntax
                }
            }
            value.append(c);
        }
        return new Variable(PolicyVariable.of(key, value.toString()));
    }

    /** Context key names have no whitespace, braces or quotes. */
    private static boolean isKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || c == '{' || c == '}' || c == '\'' || c == '$' || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            append(parts, new Text(literal.toString()));
            literal.setLength(0);
        }
    }

    private static void append(List<Part> parts, Part part) {
        if (!parts.isEmpty()) {
            Part last = parts.get(parts.size() - 1);
            if (last instanceof Escaped a && part instanceof Escaped b) {
                parts.set(parts.size() - 1, new Escaped(a.text() + b.text()));
                return;
            }
        }
        parts.add(part);
    }

    /**
     * The text this template stands for in a request, or {@code null} when a variable has no value and no default
     * (AWS: a variable without a value is effectively null and matches nothing).
     */
    public String resolve(VariableValues values) {
        if (parts.size() == 1 && parts.get(0) instanceof Text t) {
            return t.text();
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text t -> out.append(t.text());
                case Escaped e -> out.append(e.text());
                case Variable v -> {
                    String value = values.resolve(v.variable());
                    if (value == null) {
                        return null;
                    }
                    out.append(value);
                }
            }
        }
        return out.toString();
    }
}
