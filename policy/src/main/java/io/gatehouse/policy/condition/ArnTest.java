package io.gatehouse.policy.condition;

import io.gatehouse.policy.match.ArnPattern;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;

/**
 * {@code ArnEquals}, {@code ArnLike} (and negations): each of the six colon-separated parts is compared on its
 * own, and both operators accept {@code *} and {@code ?} (IAM User Guide, condition operators, "Amazon Resource
 * Name (ARN) condition operators").
 */
final class ArnTest implements ValueTest {

    private final ArnPattern[] patterns;

    ArnTest(ArnPattern[] patterns) {
        this.patterns = patterns;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        String arn = value.value(index);
        if (!ArnPattern.isArn(arn)) {
            return INVALID;
        }
        int result = INVALID;
        for (ArnPattern pattern : patterns) {
            if (!pattern.isArnShaped()) {
                continue; // not an ARN: not compared
            }
            // A pattern whose variable has no value stands for null and matches nothing.
            if (pattern.matches(arn, variables)) {
                return MATCH;
            }
            result = NO_MATCH;
        }
        return result;
    }
}
