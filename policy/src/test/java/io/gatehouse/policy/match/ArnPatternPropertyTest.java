package io.gatehouse.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.variable.VariableValues;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ARN matching agrees with a direct reading of the rule on random patterns and ARNs: split both at their first
 * five colons, match part by part with plain globs, and let a short pattern's trailing star cover the rest.
 */
class ArnPatternPropertyTest {

    private static final long SEED = 0xa7_2026L;

    @Test
    void agreesWithThePartByPartReference() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String pattern = arnLike(random, "ab*?", random.nextInt(7) + 1);
            String arn = arnLike(random, "ab/:", 6 + random.nextInt(2));
            assertThat(ArnPattern.compile(pattern).matches(arn, VariableValues.NONE))
                    .as("seed %d, pattern %s, arn %s", SEED, pattern, arn)
                    .isEqualTo(reference(pattern, arn));
        }
    }

    /** {@code parts} colon-separated parts of random characters (colons inside make further parts). */
    private static String arnLike(Random random, String alphabet, int parts) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                out.append(':');
            }
            int length = random.nextInt(4);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }

    private static boolean reference(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        int last = p.length - 1;
        boolean spans = p.length < 6 && p[last].endsWith("*");
        if (a.length < p.length || (a.length > p.length && !spans)) {
            return false;
        }
        for (int i = 0; i < last; i++) {
            if (!WildcardPropertyTest.reference(p[i], 0, a[i], 0, false)) {
                return false;
            }
        }
        String rest = String.join(":", java.util.Arrays.copyOfRange(a, last, a.length));
        return WildcardPropertyTest.reference(p[last], 0, rest, 0, false);
    }
}
