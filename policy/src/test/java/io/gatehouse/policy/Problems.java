package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.document.PolicyDocument;
import java.util.List;

/** Assertions shared by the grammar tests. */
final class Problems {

    private Problems() {}

    static PolicyDocument valid(ParseResult result) {
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).document();
    }

    static List<PolicyProblem> all(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).problems();
    }

    static PolicyProblem first(ParseResult result) {
        return all(result).get(0);
    }

    /** The message AWS would answer: the first problem's. */
    static String answer(ParseResult result) {
        return first(result).message();
    }

    /** A policy document with one statement built from the given members, Version 2012-10-17. */
    static String statement(String members) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{" + members + "}}";
    }
}
