package io.gatehouse.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BotocorePatternTest {

    /** The pattern of STS's arnType, as the model writes it: the XML character range. */
    private static final String XML_CHARACTERS = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF"
            + "\\uE000-\\uFFFD\\u10000-\\u10FFFF]+";

    @Test
    void supplementaryEscapesBecomeJavaCodePointEscapes() {
        assertThat(BotocorePattern.toJava("[\\uE000-\\uFFFD\\u10000-\\u10FFFF]+"))
                .isEqualTo("[\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]+");
    }

    @Test
    void fourDigitEscapesAndOtherSyntaxStayAsTheyAre() {
        for (String pattern : new String[] {"[\\w+=,.@-]+", "\\u002F[\\u0021-\\u007F]*",
                "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
                "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$", "[\\u00200]"}) {
            assertThat(BotocorePattern.toJava(pattern)).isEqualTo(pattern);
        }
    }

    @Test
    void anEscapedBackslashBeforeUIsNoEscape() {
        assertThat(BotocorePattern.toJava("\\\\u10000")).isEqualTo("\\\\u10000");
    }

    @Test
    void theXmlCharacterRangeMeansWhatItSays() {
        assertThat(stsArnPattern()).isEqualTo(XML_CHARACTERS);
        Pattern intended = BotocorePattern.compile(XML_CHARACTERS);
        Pattern literal = Pattern.compile(XML_CHARACTERS);

        assertThat(intended.matcher("arn:aws:iam::123456789012:role/\uD83D\uDE00").matches()).isTrue();
        assertThat(intended.matcher("\u0080").matches()).isFalse();
        assertThat(intended.matcher("\u0085\u00A0\t\n\r").matches()).isTrue();
        // what Java would make of the model's text unchanged: emoji refused, a C1 control admitted
        assertThat(literal.matcher("\uD83D\uDE00").matches()).isFalse();
        assertThat(literal.matcher("\u0080").matches()).isTrue();
    }

    private static String stsArnPattern() {
        return ((StringShape) ServiceModel.load("sts").shape("arnType").orElseThrow()).pattern();
    }

    @Test
    void theModelsUseTheSupplementaryFormOnlyInTheStsArnPattern() {
        for (String service : new String[] {"iam", "sts"}) {
            ServiceModel model = ServiceModel.load(service);
            model.operations().forEach(op -> op.input().members().forEach(m -> {
                if (m.shape() instanceof StringShape s && s.pattern() != null
                        && !BotocorePattern.toJava(s.pattern()).equals(s.pattern())) {
                    assertThat(service + "." + s.name()).isEqualTo("sts.arnType");
                    assertThat(s.pattern()).isEqualTo(XML_CHARACTERS);
                }
            }));
        }
    }
}
