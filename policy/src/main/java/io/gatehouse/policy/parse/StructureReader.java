package io.gatehouse.policy.parse;

import io.gatehouse.policy.document.PrincipalKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the structure of a policy document out of its JSON tree: the known elements and the JSON
 * shape of each value. Every mismatch is the problem IAM reports as {@code Syntax errors in policy.}
 * Reading goes on past a problem so that all of them are found; parts of the wrong shape are left out.
 *
 * <p>A name written twice in one object is refused at its second occurrence (IAM User Guide,
 * "Troubleshoot IAM policies": more than one Statement element, more than one Effect, Action or
 * Resource element), and only its first value is read.
 *
 * <p>Read leniently (for test corpora), a document may have no statement at all, and a
 * {@code Principal} that is a single string other than {@code "*"} is read as an {@code AWS}
 * principal; both are syntax errors to IAM.
 */
final class StructureReader {

    private static final String STATEMENT = "Statement";

    private final Findings findings;
    private final Message syntax;
    private final boolean strict;

    private StructureReader(Findings findings, Messages messages, boolean strict) {
        this.findings = findings;
        this.syntax = messages.syntax();
        this.strict = strict;
    }

    /** Reads the document as IAM does; structure problems go to {@code findings} in the words of {@code messages}. */
    static SourceDocument readStrict(JsonNode root, Messages messages, Findings findings) {
        return new StructureReader(findings, messages, true).document(root);
    }

    /** Reads the document for evaluating test corpora, with the two allowances described above. */
    static SourceDocument readLenient(JsonNode root, Findings findings) {
        return new StructureReader(findings, Messages.IAM, false).document(root);
    }

    private SourceDocument document(JsonNode root) {
        if (!(root instanceof JsonNode.Obj object)) {
            syntax("", root.at());
            return new SourceDocument(null, null, List.of());
        }
        Text version = null;
        Text id = null;
        List<SourceStatement> statements = new ArrayList<>();
        boolean hasStatement = false;
        for (JsonNode.Member member : unique(object, "")) {
            String path = Paths.member("", member.name());
            switch (member.name()) {
                case "Version" -> version = text(member.value(), path);
                case "Id" -> id = text(member.value(), path);
                case STATEMENT -> {
                    hasStatement = true;
                    statements(member, statements);
                }
                default -> syntax(path, member.at());
            }
        }
        if (!hasStatement && strict) {
            syntax(STATEMENT, object.at());
        }
        return new SourceDocument(version, id, statements);
    }

    private void statements(JsonNode.Member member, List<SourceStatement> into) {
        JsonNode value = member.value();
        if (value instanceof JsonNode.Obj single) {
            into.add(statement(single, 0, STATEMENT));
        } else if (value instanceof JsonNode.Arr array) {
            if (array.items().isEmpty() && strict) {
                syntax(STATEMENT, array.at());
            }
            for (int i = 0; i < array.items().size(); i++) {
                JsonNode item = array.items().get(i);
                String path = Paths.item(STATEMENT, i);
                if (item instanceof JsonNode.Obj object) {
                    into.add(statement(object, into.size(), path));
                } else {
                    syntax(path, item.at());
                }
            }
        } else {
            syntax(STATEMENT, value.at());
        }
    }

    private SourceStatement statement(JsonNode.Obj object, int index, String path) {
        Text sid = null;
        Text effect = null;
        SourcePrincipal principal = null;
        SourcePrincipal notPrincipal = null;
        TextList action = null;
        TextList notAction = null;
        TextList resource = null;
        TextList notResource = null;
        Position condition = null;
        boolean hasEffect = false;
        List<SourceCondition> conditions = new ArrayList<>();
        for (JsonNode.Member member : unique(object, path)) {
            String memberPath = Paths.member(path, member.name());
            switch (member.name()) {
                case "Sid" -> sid = text(member.value(), memberPath);
                case "Effect" -> {
                    hasEffect = true;
                    effect = effect(member.value(), memberPath);
                }
                case "Principal" -> principal = principal(member, memberPath);
                case "NotPrincipal" -> notPrincipal = principal(member, memberPath);
                case "Action" -> action = textList(member, memberPath);
                case "NotAction" -> notAction = textList(member, memberPath);
                case "Resource" -> resource = textList(member, memberPath);
                case "NotResource" -> notResource = textList(member, memberPath);
                case "Condition" -> {
                    condition = member.at();
                    conditions(member.value(), memberPath, conditions);
                }
                default -> syntax(memberPath, member.at());
            }
        }
        if (!hasEffect) {
            syntax(Paths.member(path, "Effect"), object.at());
        }
        return new SourceStatement(index, path, object.at(), sid, effect, principal, notPrincipal,
                action, notAction, resource, notResource, condition, conditions);
    }

    /** {@code Effect} must be Allow or Deny; IAM's syntax check ignores case (its legacy parser does not). */
    private Text effect(JsonNode value, String path) {
        Text effect = text(value, path);
        if (effect != null && !effect.value().equalsIgnoreCase("Allow")
                && !effect.value().equalsIgnoreCase("Deny")) {
            syntax(path, value.at());
            return null;
        }
        return effect;
    }

    private SourcePrincipal principal(JsonNode.Member member, String path) {
        JsonNode value = member.value();
        if (value instanceof JsonNode.Str string && string.value().equals("*")) {
            return new SourcePrincipal(path, member.at(), true, Map.of());
        }
        if (value instanceof JsonNode.Str string && !strict) {
            TextList aws = new TextList(path, member.at(), List.of(new Text(string.value(), path, string.at())));
            return new SourcePrincipal(path, member.at(), false, Map.of(PrincipalKind.AWS, aws));
        }
        if (!(value instanceof JsonNode.Obj object)) {
            syntax(path, value.at());
            return null;
        }
        Map<PrincipalKind, TextList> kinds = new EnumMap<>(PrincipalKind.class);
        for (JsonNode.Member kindMember : unique(object, path)) {
            String kindPath = Paths.member(path, kindMember.name());
            PrincipalKind kind = PrincipalKind.ofKey(kindMember.name());
            if (kind == null) {
                syntax(kindPath, kindMember.at());
                continue;
            }
            TextList values = textList(kindMember, kindPath);
            if (values != null) {
                kinds.put(kind, values);
            }
        }
        return new SourcePrincipal(path, member.at(), false, kinds);
    }

    /** The members of an object, each name once; a repeated name is a problem at its repetition. */
    private List<JsonNode.Member> unique(JsonNode.Obj object, String path) {
        List<JsonNode.Member> members = new ArrayList<>(object.members().size());
        Set<String> names = new HashSet<>();
        for (JsonNode.Member member : object.members()) {
            if (names.add(member.name())) {
                members.add(member);
            } else {
                syntax(Paths.member(path, member.name()), member.at());
            }
        }
        return members;
    }

    /** A string, or an array of strings. */
    private TextList textList(JsonNode.Member member, String path) {
        JsonNode value = member.value();
        if (value instanceof JsonNode.Str string) {
            return new TextList(path, member.at(), List.of(new Text(string.value(), path, string.at())));
        }
        if (!(value instanceof JsonNode.Arr array)) {
            syntax(path, value.at());
            return null;
        }
        List<Text> items = new ArrayList<>(array.items().size());
        for (int i = 0; i < array.items().size(); i++) {
            JsonNode item = array.items().get(i);
            String itemPath = Paths.item(path, i);
            if (item instanceof JsonNode.Str string) {
                items.add(new Text(string.value(), itemPath, string.at()));
            } else {
                syntax(itemPath, item.at());
            }
        }
        return new TextList(path, member.at(), items);
    }

    /** {@code Condition}: an object of operator to an object of key to a scalar or an array of scalars. */
    private void conditions(JsonNode value, String path, List<SourceCondition> into) {
        if (!(value instanceof JsonNode.Obj object)) {
            syntax(path, value.at());
            return;
        }
        for (JsonNode.Member operatorMember : unique(object, path)) {
            String operatorPath = Paths.member(path, operatorMember.name());
            if (!(operatorMember.value() instanceof JsonNode.Obj keys)) {
                syntax(operatorPath, operatorMember.value().at());
                continue;
            }
            Text operator = new Text(operatorMember.name(), operatorPath, operatorMember.at());
            for (JsonNode.Member keyMember : unique(keys, operatorPath)) {
                String keyPath = Paths.member(operatorPath, keyMember.name());
                TextList values = conditionValues(keyMember, keyPath);
                if (values != null) {
                    into.add(new SourceCondition(operator, new Text(keyMember.name(), keyPath, keyMember.at()), values));
                }
            }
        }
    }

    private TextList conditionValues(JsonNode.Member member, String path) {
        JsonNode value = member.value();
        String scalar = scalar(value);
        if (scalar != null) {
            return new TextList(path, member.at(), List.of(new Text(scalar, path, value.at())));
        }
        if (!(value instanceof JsonNode.Arr array)) {
            syntax(path, value.at());
            return null;
        }
        List<Text> items = new ArrayList<>(array.items().size());
        for (int i = 0; i < array.items().size(); i++) {
            JsonNode item = array.items().get(i);
            String itemPath = Paths.item(path, i);
            String itemScalar = scalar(item);
            if (itemScalar != null) {
                items.add(new Text(itemScalar, itemPath, item.at()));
            } else {
                syntax(itemPath, item.at());
            }
        }
        return new TextList(path, member.at(), items);
    }

    /** The text of a condition value that is a string, number or boolean; otherwise {@code null}. */
    private static String scalar(JsonNode value) {
        return switch (value) {
            case JsonNode.Str s -> s.value();
            case JsonNode.Num n -> n.text();
            case JsonNode.Bool b -> Boolean.toString(b.value());
            default -> null;
        };
    }

    private Text text(JsonNode value, String path) {
        if (value instanceof JsonNode.Str string) {
            return new Text(string.value(), path, string.at());
        }
        syntax(path, value.at());
        return null;
    }

    private void syntax(String path, Position at) {
        findings.report(Stage.SYNTAX, syntax, path, at);
    }
}
