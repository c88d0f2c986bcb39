package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.state.PasswordPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of a custom password policy alone and together, and AWS's default policy when there is none. */
class PasswordRulesTest {

    private static PasswordPolicy policy(int min, boolean symbols, boolean numbers, boolean upper, boolean lower) {
        return new PasswordPolicy(min, symbols, numbers, upper, lower, false, null, null, false);
    }

    @ParameterizedTest(name = "min {0}: {1} chars")
    @CsvSource({"6,5,false", "6,6,true", "8,7,false", "8,8,true", "128,127,false", "128,128,true"})
    void theMinimumLengthIsInclusive(int minimum, int length, boolean meets) {
        assertThat(PasswordRules.meets("a".repeat(length), policy(minimum, false, false, false, false))).isEqualTo(meets);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // rule                | without                | with
        "symbols               | abcdefgh               | abcdefg'",
        "numbers               | abcdefgh               | abcdefg0",
        "uppercase             | abcdefgh               | abcdefgZ",
        "lowercase             | ABCDEFGH               | ABCDEFGa"})
    void eachCharacterRuleAloneAsksForOneCharacterOfItsClass(String rule, String without, String with) {
        PasswordPolicy policy = policy(6, rule.equals("symbols"), rule.equals("numbers"), rule.equals("uppercase"),
                rule.equals("lowercase"));
        assertThat(PasswordRules.meets(without, policy)).isFalse();
        assertThat(PasswordRules.meets(with, policy)).isTrue();
        assertThat(PasswordRules.meets(with, policy(6, false, false, false, false))).isTrue();
    }

    @Test
    void everyPolicySymbolCountsAndNothingElseDoes() {
        PasswordPolicy symbols = policy(6, true, false, false, false);
        for (char c : "!@#$%^&*()_+-=[]{}|'".toCharArray()) {
            assertThat(PasswordRules.meets("abcdef" + c, symbols)).as("%s", c).isTrue();
        }
        for (char c : "<>.,;:\"?/~` \t\u00e9\u00ff".toCharArray()) {
            assertThat(PasswordRules.meets("abcdef" + c, symbols)).as("%s is no policy symbol", c).isFalse();
        }
    }

    @Test
    void lettersMeanTheBasicLatinAlphabetOnly() {
        assertThat(PasswordRules.meets("\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9", policy(6, false, false, true, false)))
                .isFalse();
        assertThat(PasswordRules.meets("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", policy(6, false, false, false, true)))
                .isFalse();
    }

    @Test
    void everyRuleTogetherMustAllHold() {
        PasswordPolicy all = policy(10, true, true, true, true);
        assertThat(PasswordRules.meets("Abcdefg1!x", all)).isTrue();
        assertThat(PasswordRules.meets("Abcdefg1!", all)).as("one short").isFalse();
        assertThat(PasswordRules.meets("abcdefg1!x", all)).as("no uppercase").isFalse();
        assertThat(PasswordRules.meets("ABCDEFG1!X", all)).as("no lowercase").isFalse();
        assertThat(PasswordRules.meets("Abcdefgh!x", all)).as("no number").isFalse();
        assertThat(PasswordRules.meets("Abcdefg1xx", all)).as("no symbol").isFalse();
    }

    @Test
    void withoutACustomPolicyAwsDefaultAsksForEightCharactersOfThreeClasses() {
        assertThat(PasswordRules.meets("Abcdefg1", null)).isTrue();
        assertThat(PasswordRules.meets("abcdefg1<", null)).as("< counts in the default policy").isTrue();
        assertThat(PasswordRules.meets("ABCDEFG!", null)).as("two classes").isFalse();
        assertThat(PasswordRules.meets("Abcdef1", null)).as("seven characters").isFalse();
        assertThat(PasswordRules.meets("abcdefgh'1", null)).as("' is no symbol of the default policy").isFalse();
    }

    @Test
    void aViolationIsIamsPasswordPolicyViolationWithItsWords() {
        assertThatThrownBy(() -> PasswordRules.check("short", null)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(AwsError.PASSWORD_POLICY_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("Password does not conform to the account password policy.")
                    .doesNotContain("short");
        });
    }
}
