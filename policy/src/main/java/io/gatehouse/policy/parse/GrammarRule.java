package io.gatehouse.policy.parse;

/** One group of grammar checks, reporting what it finds at its {@link Stage}. */
interface GrammarRule {

    void check(SourceDocument document, GrammarContext context, Findings findings);
}
