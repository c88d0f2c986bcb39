package io.gatehouse.server.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a Query request as a tree of their dot-separated names: {@code Tags.member.1.Key=a} becomes
 * {@code Tags → member → 1 → Key} holding {@code a}. Built once per request in time linear in the parameter names,
 * so decoding a structure is a walk, not a scan of every parameter per member.
 *
 * <p>A name given twice keeps its first value, as AWS does (a repeated {@code Action} or {@code Version} is decided by
 * its first occurrence).
 */
final class ParamTree {

    private String value;
    private Map<String, ParamTree> children;

    private ParamTree() {
    }

    /** The tree of URL-decoded parameters. */
    static ParamTree of(Map<String, List<String>> parameters) {
        ParamTree root = new ParamTree();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            List<String> values = parameter.getValue();
            if (parameter.getKey() != null && values != null && !values.isEmpty()) {
                root.insert(parameter.getKey(), values.getFirst());
            }
        }
        return root;
    }

    private void insert(String name, String first) {
        ParamTree node = this;
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            String segment = dot < 0 ? name.substring(start) : name.substring(start, dot);
            if (node.children == null) {
                node.children = new LinkedHashMap<>();
            }
            node = node.children.computeIfAbsent(segment, s -> new ParamTree());
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (node.value == null) {
            node.value = first;
        }
    }

    /** The value given for exactly this name, or {@code null}. */
    String value() {
        return value;
    }

    /** The subtree under {@code name.segment}, or {@code null}. */
    ParamTree child(String segment) {
        return children == null ? null : children.get(segment);
    }

    /** The subtrees under this name, in parameter order; empty when there are none. */
    Map<String, ParamTree> children() {
        return children == null ? Map.of() : children;
    }
}
