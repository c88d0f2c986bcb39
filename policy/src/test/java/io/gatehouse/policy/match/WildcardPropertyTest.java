package io.gatehouse.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matcher agrees with a plainly correct (exponential, recursive) reference on random patterns and texts.
 * The generator is seeded, so a failure reproduces; the seed is in the assertion message.
 */
class WildcardPropertyTest {

    private static final long SEED = 0x6a7e_4011_5eedL;

    @Test
    void agreesWithReference() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, "ab:*?", 10);
            String text = random(random, "ab:", 12);
            assertThat(Wildcard.compile(pattern, false).matches(text))
                    .as("seed %d, pattern %s, text %s", SEED, pattern, text)
                    .isEqualTo(reference(pattern, 0, text, 0, false));
        }
    }

    @Test
    void agreesWithReferenceIgnoringCase() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 10_000; i++) {
            String pattern = random(random, "aB:*?", 10);
            String text = random(random, "abAB:", 12);
            assertThat(Wildcard.compile(pattern, true).matches(text))
                    .as("seed %d, pattern %s, text %s", SEED + 1, pattern, text)
                    .isEqualTo(reference(pattern, 0, text, 0, true));
        }
    }

    @Test
    void aPatternWithoutWildcardsMatchesExactlyItself() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 5_000; i++) {
            String text = random(random, "ab:/", 12);
            String other = random(random, "ab:/", 12);
            Wildcard wildcard = Wildcard.compile(text, false);
            assertThat(wildcard.matches(text)).isTrue();
            assertThat(wildcard.matches(other)).isEqualTo(text.equals(other));
        }
    }

    @Test
    void longHostileInputsMatchQuickly() {
        // A pattern that makes backtracking matchers explode: a*a*a*...b against aaaa...
        String pattern = "a*".repeat(50) + "b";
        String text = "a".repeat(20_000);
        assertThat(Wildcard.compile(pattern, false).matches(text)).isFalse();
        assertThat(Wildcard.compile(pattern, false).matches(text + "b")).isTrue();
    }

    private static String random(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Textbook recursive glob matching; exponential in the worst case, which is fine for short inputs. */
    static boolean reference(String p, int i, String t, int j, boolean ignoreCase) {
        if (i == p.length()) {
            return j == t.length();
        }
        char c = p.charAt(i);
        if (c == '*') {
            for (int k = j; k <= t.length(); k++) {
                if (reference(p, i + 1, t, k, ignoreCase)) {
                    return true;
                }
            }
            return false;
        }
        if (j == t.length()) {
            return false;
        }
        char d = t.charAt(j);
        boolean same = c == '?' || c == d
                || (ignoreCase && Character.toLowerCase(c) == Character.toLowerCase(d));
        return same && reference(p, i + 1, t, j + 1, ignoreCase);
    }
}
