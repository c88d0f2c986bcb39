package io.gatehouse.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.variable.Template;
import io.gatehouse.policy.variable.VariableValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource ARN matching, as the IAM User Guide's "IAM JSON policy elements: Resource" describes it. */
class ArnPatternTest {

    private static boolean matches(String pattern, String arn) {
        return ArnPattern.compile(pattern).matches(arn, VariableValues.NONE);
    }

    @Test
    void starAloneMatchesAnything() {
        assertThat(matches("*", "arn:aws:s3:::bucket/key")).isTrue();
        assertThat(matches("*", "*")).isTrue();
    }

    @Test
    void wildcardInResourcePartRunsAcrossSlashesAndColons() {
        assertThat(matches("arn:aws:s3:::data/*", "arn:aws:s3:::data/a/b.txt")).isTrue();
        assertThat(matches("arn:aws:logs:us-east-1:111122223333:log-group:*",
                "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:x")).isTrue();
        assertThat(matches("arn:aws:s3:::bucket-4*", "arn:aws:s3:::bucket-42/object")).isTrue();
    }

    @Test
    void eachOfTheFirstFivePartsMatchesOnItsOwn() {
        assertThat(matches("arn:aws:dynamodb:*:111122223333:table/t", "arn:aws:dynamodb:us-east-1:111122223333:table/t")).isTrue();
        assertThat(matches("arn:aws:dynamodb:us-*:111122223333:table/t", "arn:aws:dynamodb:eu-west-1:111122223333:table/t")).isFalse();
        // A star inside the region part does not swallow the account part.
        assertThat(matches("arn:aws:ec2:us-*1:*:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1")).isTrue();
        assertThat(matches("arn:aws:ec2:u*3:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1")).isFalse();
    }

    @Test
    void trailingStarOfAShortPatternMatchesTheRestOfTheArn() {
        assertThat(matches("arn:aws:s3:*", "arn:aws:s3:::bucket")).isTrue();
        assertThat(matches("arn:aws:*", "arn:aws:iam::111122223333:user/alice")).isTrue();
        assertThat(matches("arn:aws:iam*", "arn:aws:iam::111122223333:user/alice")).isTrue();
        assertThat(matches("arn:aws:s3", "arn:aws:s3:::bucket")).isFalse();
    }

    @Test
    void matchingIsCaseSensitive() {
        assertThat(matches("arn:aws:s3:::Data/*", "arn:aws:s3:::data/x")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(matches("arn:aws:s3:::b?cket", "arn:aws:s3:::bucket")).isTrue();
        assertThat(matches("arn:aws:s3:::b?cket", "arn:aws:s3:::bcket")).isFalse();
    }

    @Test
    void variablesAreSubstitutedAndMatchLiterally() {
        ArnPattern pattern = ArnPattern.compile(Template.parse("arn:aws:s3:::home/${aws:username}/*", true));
        VariableValues alice = key -> Map.of("aws:username", "alice").get(key);
        VariableValues star = key -> Map.of("aws:username", "*").get(key);
        assertThat(pattern.matches("arn:aws:s3:::home/alice/notes.txt", alice)).isTrue();
        assertThat(pattern.matches("arn:aws:s3:::home/bob/notes.txt", alice)).isFalse();
        assertThat(pattern.matches("arn:aws:s3:::home/bob/notes.txt", star)).as("a value's * is not a wildcard").isFalse();
    }

    @Test
    void aVariableWithoutValueMatchesNothing() {
        ArnPattern pattern = ArnPattern.compile(Template.parse("arn:aws:s3:::home/${aws:username}/*", true));
        assertThat(pattern.matches("arn:aws:s3:::home//x", VariableValues.NONE)).isFalse();
    }

    @Test
    void aVariableDefaultAppliesWhenTheKeyIsAbsent() {
        ArnPattern pattern = ArnPattern.compile(Template.parse("arn:aws:s3:::home/${aws:username, 'guest'}/*", true));
        assertThat(pattern.matches("arn:aws:s3:::home/guest/x", VariableValues.NONE)).isTrue();
    }
}
