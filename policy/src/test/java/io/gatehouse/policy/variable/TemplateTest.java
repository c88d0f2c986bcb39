package io.gatehouse.policy.variable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy variable syntax, from the IAM User Guide's "IAM policy elements: Variables and tags". */
class TemplateTest {

    private static final VariableValues ALICE = key -> Map.of("aws:username", "alice", "aws:principaltag/team", "red").get(key);

    @Test
    void variableIsSubstitutedFromTheContextCaseInsensitively() {
        assertThat(Template.parse("home/${AWS:UserName}/", true).resolve(ALICE)).isEqualTo("home/alice/");
        assertThat(Template.parse("${aws:PrincipalTag/team}", true).resolve(ALICE)).isEqualTo("red");
    }

    @Test
    void defaultValueAppliesWhenKeyIsAbsent() {
        assertThat(Template.parse("${aws:PrincipalTag/cost, 'shared'}", true).resolve(ALICE)).isEqualTo("shared");
        assertThat(Template.parse("${aws:username, 'guest'}", true).resolve(ALICE)).isEqualTo("alice");
        assertThat(Template.parse("${aws:x,'it''s'}", true).resolve(ALICE)).isEqualTo("it's");
    }

    @Test
    void variableWithoutValueOrDefaultResolvesToNull() {
        assertThat(Template.parse("a/${aws:userid}", true).resolve(ALICE)).isNull();
    }

    @Test
    void specialCharacterEscapesAreLiteral() {
        Template template = Template.parse("a${*}b${?}c${$}", true);
        assertThat(template.parts()).containsExactly(
                new Template.Text("a"), new Template.Escaped("*"), new Template.Text("b"),
                new Template.Escaped("?"), new Template.Text("c"), new Template.Escaped("$"));
        assertThat(template.resolve(ALICE)).isEqualTo("a*b?c$");
    }

    @Test
    void version2008DocumentsHaveNoVariables() {
        assertThat(Template.parse("home/${aws:username}", false).parts()).containsExactly(new Template.Text("home/${aws:username}"));
    }

    @Test
    void incompleteVariableSyntaxStaysLiteral() {
        assertThat(Template.parse("a${aws:username", true).parts()).isEqualTo(List.of(new Template.Text("a${aws:username")));
        assertThat(Template.parse("${}", true).resolve(ALICE)).isEqualTo("${}");
        assertThat(Template.parse("${aws:x, unquoted}", true).resolve(ALICE)).isEqualTo("${aws:x, unquoted}");
    }
}
