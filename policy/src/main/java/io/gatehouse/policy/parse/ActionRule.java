package io.gatehouse.policy.parse;

import java.util.regex.Pattern;

/**
 * Every statement names at least one action in {@code Action} or {@code NotAction}, and every action
 * is {@code *} or {@code vendor:name} with one colon and a literal vendor of letters, digits, dots
 * and dashes (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
final class ActionRule implements GrammarRule {

    private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9.-]*");

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Messages messages = context.messages();
        for (SourceStatement statement : document.statements()) {
            TextList actions = statement.action() != null ? statement.action() : statement.notAction();
            if (actions == null || actions.items().isEmpty()) {
                findings.report(Stage.ACTIONS, messages.noActions(),
                        actions == null ? Paths.member(statement.path(), "Action") : actions.path(),
                        actions == null ? statement.at() : actions.at());
            }
            checkFormat(statement.action(), messages, findings);
            checkFormat(statement.notAction(), messages, findings);
        }
    }

    private static void checkFormat(TextList actions, Messages messages, Findings findings) {
        if (actions == null) {
            return;
        }
        for (Text action : actions.items()) {
            Message problem = problem(action.value(), messages);
            if (problem != null) {
                findings.report(Stage.ACTION_FORMAT, problem, action.path(), action.at());
            }
        }
    }

    private static Message problem(String action, Messages messages) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return action.equals("*") ? null : messages.actionVendor();
        }
        if (action.indexOf(':', colon + 1) >= 0) {
            return messages.actionColons();
        }
        String vendor = action.substring(0, colon);
        if (vendor.indexOf('*') >= 0 || vendor.indexOf('?') >= 0) {
            return messages.actionVendorWildcard();
        }
        return VENDOR.matcher(vendor).matches() ? null : messages.vendorNotValid(vendor);
    }
}
