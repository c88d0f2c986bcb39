package io.gatehouse.policy.match;

import io.gatehouse.policy.variable.PolicyVariable;
import io.gatehouse.policy.variable.Template;
import io.gatehouse.policy.variable.VariableValues;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled wildcard pattern: {@code *} matches any run of characters (also none), {@code ?} exactly one.
 * Policy variables in the pattern are substituted per request and match literally.
 *
 * <p>Matching never backtracks: the pattern is split at its stars into fixed-width segments; the first and last
 * are anchored, and each middle segment is taken at its leftmost match, which is optimal for star-separated
 * globs. The cost is bounded by text length times segment length; no regular expression is ever built.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Wildcard {

    /** {@link #test} result: the text matches. */
    public static final int MATCH = 1;
    /** {@link #test} result: the text does not match. */
    public static final int NO_MATCH = 0;
    /** {@link #test} result: a variable in the pattern has no value, so the pattern stands for nothing. */
    public static final int UNRESOLVED = -1;

    private static final Wildcard MATCH_ALL = new Wildcard(new Segment[0], true, true, false, null);

    private final Segment[] segments;
    private final boolean leadingStar;
    private final boolean trailingStar;
    private final boolean ignoreCase;
    /** The whole pattern when it has no wildcard and no variable (compared with one region check). */
    private final String exact;
    /** The variable when the whole pattern is one variable ({@code ${aws:PrincipalTag/team}}), else {@code null}. */
    private final PolicyVariable soleVariable;
    private final boolean variables;

    private Wildcard(Segment[] segments, boolean leadingStar, boolean trailingStar, boolean ignoreCase, String exact) {
        this.segments = segments;
        this.leadingStar = leadingStar;
        this.trailingStar = trailingStar;
        this.ignoreCase = ignoreCase;
        this.exact = exact;
        boolean anyVariable = false;
        for (Segment segment : segments) {
            for (Atom atom : segment.atoms) {
                anyVariable |= atom instanceof Var;
            }
        }
        this.variables = anyVariable;
        this.soleVariable = !leadingStar && !trailingStar && segments.length == 1 && segments[0].atoms.length == 1
                && segments[0].atoms[0] instanceof Var var ? var.variable() : null;
    }

    /**
     * Matches the whole of {@code text}, telling a pattern that does not match apart from one that cannot be
     * compared because a variable has no value: {@link #MATCH}, {@link #NO_MATCH} or {@link #UNRESOLVED}.
     */
    public int test(String text, VariableValues values) {
        if (soleVariable != null) {
            String value = values.resolve(soleVariable);
            if (value == null) {
                return UNRESOLVED;
            }
            return (ignoreCase ? value.equalsIgnoreCase(text) : value.equals(text)) ? MATCH : NO_MATCH;
        }
        if (variables && !canResolve(values)) {
            return UNRESOLVED;
        }
        return matches(text, 0, text.length(), values) ? MATCH : NO_MATCH;
    }

    /** Compiles a plain pattern ({@code *} and {@code ?} are wildcards, there are no variables). */
    public static Wildcard compile(String pattern, boolean ignoreCase) {
        return compile(Template.literal(pattern), true, ignoreCase);
    }

    /**
     * Compiles a template.
     *
     * @param wildcards  whether {@code *} and {@code ?} in the template's text are wildcards ({@code StringLike})
     *                   or literal characters ({@code StringEquals})
     * @param ignoreCase whether letters compare case-insensitively
     */
    public static Wildcard compile(Template template, boolean wildcards, boolean ignoreCase) {
        List<Segment> segments = new ArrayList<>();
        List<Atom> atoms = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean leadingStar = false;
        boolean trailingStar = false;
        boolean sawAtom = false;
        for (Template.Part part : template.parts()) {
            switch (part) {
                case Template.Text text when wildcards -> {
                    String s = text.text();
                    for (int i = 0; i < s.length(); i++) {
                        char c = s.charAt(i);
                        if (c == '*') {
                            flushLiteral(literal, atoms);
                            if (atoms.isEmpty()) {
                                leadingStar |= !sawAtom;
                            } else {
                                segments.add(new Segment(atoms.toArray(Atom[]::new)));
                                atoms.clear();
                            }
                            trailingStar = true;
                            continue;
                        }
                        if (c == '?') {
                            flushLiteral(literal, atoms);
                            atoms.add(AnyChar.INSTANCE);
                        } else {
                            literal.append(c);
                        }
                        sawAtom = true;
                        trailingStar = false;
                    }
                }
                case Template.Text text -> {
                    literal.append(text.text());
                    sawAtom |= !text.text().isEmpty();
                    trailingStar &= text.text().isEmpty();
                }
                case Template.Escaped escaped -> {
                    literal.append(escaped.text());
                    sawAtom = true;
                    trailingStar = false;
                }
                case Template.Variable variable -> {
                    flushLiteral(literal, atoms);
                    atoms.add(new Var(variable.variable()));
                    sawAtom = true;
                    trailingStar = false;
                }
            }
        }
        flushLiteral(literal, atoms);
        if (!atoms.isEmpty()) {
            segments.add(new Segment(atoms.toArray(Atom[]::new)));
        }
        if (segments.isEmpty() && (leadingStar || trailingStar)) {
            return MATCH_ALL;
        }
        String exact = null;
        if (!leadingStar && !trailingStar && segments.size() <= 1) {
            Atom[] only = segments.isEmpty() ? new Atom[0] : segments.get(0).atoms;
            if (only.length == 0) {
                exact = "";
            } else if (only.length == 1 && only[0] instanceof Lit lit) {
                exact = lit.text;
            }
        }
        return new Wildcard(segments.toArray(Segment[]::new), leadingStar, trailingStar, ignoreCase, exact);
    }

    private static void flushLiteral(StringBuilder literal, List<Atom> atoms) {
        if (!literal.isEmpty()) {
            atoms.add(new Lit(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Whether this pattern matches every text (it consists of stars only). */
    public boolean matchesEverything() {
        return this == MATCH_ALL;
    }

    /** Whether the pattern contains a policy variable. */
    public boolean hasVariables() {
        return variables;
    }

    /** Whether every variable in the pattern has a value (or a default) in {@code values}. */
    public boolean canResolve(VariableValues values) {
        if (!variables) {
            return true;
        }
        for (Segment segment : segments) {
            if (segment.length(values) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole of {@code text} matches a pattern without variables. */
    public boolean matches(String text) {
        return matches(text, 0, text.length(), VariableValues.NONE);
    }

    /** Whether the whole of {@code text} matches, substituting variables from {@code values}. */
    public boolean matches(String text, VariableValues values) {
        return matches(text, 0, text.length(), values);
    }

    /**
     * Whether the region {@code [from, to)} of {@code text} matches. A variable without a value makes the
     * pattern match nothing.
     */
    public boolean matches(String text, int from, int to, VariableValues values) {
        if (exact != null) {
            return to - from == exact.length() && text.regionMatches(ignoreCase, from, exact, 0, exact.length());
        }
        if (this == MATCH_ALL) {
            return true;
        }
        int pos = from;
        int first = 0;
        int last = segments.length - 1;
        if (!leadingStar) {
            pos = segments[0].matchAt(text, from, to, values, ignoreCase);
            if (pos < 0) {
                return false;
            }
            if (segments.length == 1 && !trailingStar) {
                return pos == to;
            }
            first = 1;
        }
        if (!trailingStar && last >= first) {
            int length = segments[last].length(values);
            int start = to - length;
            if (length < 0 || start < pos || segments[last].matchAt(text, start, to, values, ignoreCase) != to) {
                return false;
            }
            to = start;
            last--;
        }
        for (int i = first; i <= last; i++) {
            pos = segments[i].find(text, pos, to, values, ignoreCase);
            if (pos < 0) {
                return false;
            }
        }
        return true;
    }

    /** A run of atoms between two stars; its width is fixed once its variables are resolved. */
    private static final class Segment {
        final Atom[] atoms;

        Segment(Atom[] atoms) {
            this.atoms = atoms;
        }

        /** Width of the text this segment matches, or -1 when a variable has no value. */
        int length(VariableValues values) {
            int length = 0;
            for (Atom atom : atoms) {
                int width = atom.width(values);
                if (width < 0) {
                    return -1;
                }
                length += width;
            }
            return length;
        }

        /** The end of a match starting exactly at {@code pos}, or -1. */
        int matchAt(String text, int pos, int to, VariableValues values, boolean ignoreCase) {
            for (Atom atom : atoms) {
                pos = atom.matchAt(text, pos, to, values, ignoreCase);
                if (pos < 0) {
                    return -1;
                }
            }
            return pos;
        }

        /** The end of the leftmost match starting at or after {@code from}, or -1. */
        int find(String text, int from, int to, VariableValues values, boolean ignoreCase) {
            int width = length(values);
            if (width < 0) {
                return -1;
            }
            Lit head = !ignoreCase && atoms[0] instanceof Lit lit ? lit : null;
            for (int start = from; start + width <= to; start++) {
                if (head != null) {
                    start = text.indexOf(head.text, start);
                    if (start < 0 || start + width > to) {
                        return -1;
                    }
                }
                int end = matchAt(text, start, to, values, ignoreCase);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
    }

    private sealed interface Atom permits Lit, AnyChar, Var {
        /** Width in characters, or -1 when it cannot match in this request. */
        int width(VariableValues values);

        /** Position after matching at {@code pos}, or -1. */
        int matchAt(String text, int pos, int to, VariableValues values, boolean ignoreCase);
    }

    private record Lit(String text) implements Atom {
        @Override
        public int width(VariableValues values) {
            return text.length();
        }

        @Override
        public int matchAt(String s, int pos, int to, VariableValues values, boolean ignoreCase) {
            int end = pos + text.length();
            return end <= to && s.regionMatches(ignoreCase, pos, text, 0, text.length()) ? end : -1;
        }
    }

    private enum AnyChar implements Atom {
        INSTANCE;

        @Override
        public int width(VariableValues values) {
            return 1;
        }

        @Override
        public int matchAt(String s, int pos, int to, VariableValues values, boolean ignoreCase) {
            return pos < to ? pos + 1 : -1;
        }
    }

    private record Var(PolicyVariable variable) implements Atom {
        @Override
        public int width(VariableValues values) {
            String value = values.resolve(variable);
            return value == null ? -1 : value.length();
        }

        @Override
        public int matchAt(String s, int pos, int to, VariableValues values, boolean ignoreCase) {
            String value = values.resolve(variable);
            if (value == null) {
                return -1;
            }
            int end = pos + value.length();
            return end <= to && s.regionMatches(ignoreCase, pos, value, 0, value.length()) ? end : -1;
        }
    }
}
