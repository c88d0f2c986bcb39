package io.gatehouse.policy.match;

import io.gatehouse.policy.variable.Template;
import io.gatehouse.policy.variable.VariableValues;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled ARN pattern, as in a {@code Resource} element or an {@code ArnLike} condition.
 *
 * <p>An ARN has six colon-separated parts ({@code arn:partition:service:region:account:resource}); the last
 * part keeps any further colons. Each part of the pattern matches the same part of the ARN on its own, so a
 * wildcard does not run across a part boundary, except that a pattern with fewer than six parts whose last
 * part ends in {@code *} lets that star match the rest of the ARN (IAM User Guide, "IAM JSON policy elements:
 * Resource": "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond
 * the colon boundaries"). Matching is case-sensitive. Instances are immutable and thread-safe.
 */
public final class ArnPattern {

    private static final int PARTS = 6;

    private final Wildcard[] parts;
    private final boolean lastSpansRest;
    /**
     * For the common pattern of six literal parts, optionally ending in one {@code *}: the text before that star
     * (or the whole pattern), so that matching is one {@code startsWith} (or {@code equals}); else {@code null}.
     */
    private final String literal;
    private final boolean literalIsPrefix;

    private ArnPattern(Wildcard[] parts, boolean lastSpansRest, String literal, boolean literalIsPrefix) {
        this.parts = parts;
        this.lastSpansRest = lastSpansRest;
        this.literal = literal;
        this.literalIsPrefix = literalIsPrefix;
    }

    /** Compiles a plain pattern. */
    public static ArnPattern compile(String pattern) {
        return compile(Template.literal(pattern));
    }

    /** Compiles a template; variables are substituted per request. */
    public static ArnPattern compile(Template template) {
        List<List<Template.Part>> split = new ArrayList<>();
        List<Template.Part> current = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Text text && split.size() < PARTS - 1) {
                String s = text.text();
                int start = 0;
                int colon;
                while (split.size() < PARTS - 1 && (colon = s.indexOf(':', start)) >= 0) {
                    if (colon > start) {
                        current.add(new Template.Text(s.substring(start, colon)));
                    }
                    split.add(current);
                    current = new ArrayList<>();
                    start = colon + 1;
                }
                if (start < s.length()) {
                    current.add(new Template.Text(s.substring(start)));
                }
            } else {
                current.add(part);
            }
        }
        split.add(current);
        Wildcard[] parts = split.stream().map(p -> Wildcard.compile(new Template(p), true, false)).toArray(Wildcard[]::new);
        boolean spans = parts.length < PARTS && endsWithStar(split.get(split.size() - 1));
        String literal = null;
        boolean prefix = false;
        if (parts.length == PARTS && template.parts().size() == 1 && template.parts().get(0) instanceof Template.Text text) {
            String pattern = text.text();
            int star = pattern.indexOf('*');
            if (pattern.indexOf('?') < 0 && (star < 0 || star == pattern.length() - 1)) {
                prefix = star >= 0;
                literal = prefix ? pattern.substring(0, star) : pattern;
            }
        }
        return new ArnPattern(parts, spans, literal, prefix);
    }

    private static boolean endsWithStar(List<Template.Part> parts) {
        return !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Template.Text text && text.text().endsWith("*");
    }

    /** Whether {@code text} has the shape of an ARN: {@code arn:} and six colon-separated parts. */
    public static boolean isArn(String text) {
        if (!text.startsWith("arn:")) {
            return false;
        }
        int colons = 0;
        for (int i = 0; i < text.length() && colons < PARTS - 1; i++) {
            if (text.charAt(i) == ':') {
                colons++;
            }
        }
        return colons == PARTS - 1;
    }

    /**
     * Whether the pattern can match an ARN at all: it has six parts, or it ends in a star that covers the
     * missing ones ({@code *}, {@code arn:aws:s3:*}).
     */
    public boolean isArnShaped() {
        return parts.length == PARTS || lastSpansRest;
    }

    /** Whether every variable in the pattern has a value (or a default) in {@code values}. */
    public boolean canResolve(VariableValues values) {
        for (Wildcard part : parts) {
            if (!part.canResolve(values)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this pattern matches every ARN and every other string ({@code *}). */
    public boolean matchesEverything() {
        return parts.length == 1 && parts[0].matchesEverything();
    }

    /** Whether {@code arn} matches; a variable without a value makes the pattern match nothing. */
    public boolean matches(String arn, VariableValues values) {
        if (literal != null) {
            // The literal holds all five of the pattern's colons, so a prefix match lines the parts up.
            return literalIsPrefix ? arn.startsWith(literal) : arn.equals(literal);
        }
        int start = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0 || !parts[i].matches(arn, start, colon, values)) {
                return false;
            }
            start = colon + 1;
        }
        int end = arn.length();
        if (!lastSpansRest && parts.length < PARTS) {
            // The last pattern part covers one ARN part only: the ARN must have no more parts after it.
            int colon = arn.indexOf(':', start);
            if (colon >= 0) {
                return false;
            }
        }
        return parts[last].matches(arn, start, end, values);
    }
}
