package io.gatehouse.policy.parse;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;

/**
 * What the grammar rules of one strict parse need to know.
 *
 * @param type     the policy type being checked
 * @param options  quota, managed or not, the server's partition
 * @param messages the words of the service that checks this type
 */
record GrammarContext(PolicyType type, ParseOptions options, Messages messages) {

    /** Whether IAM itself stores this type (and applies its own statement-id rules). */
    boolean isIamStored() {
        return switch (type) {
            case IDENTITY, BOUNDARY, SESSION, TRUST -> true;
            case RESOURCE, ENDPOINT, SCP, RCP -> false;
        };
    }

    boolean isOrganizations() {
        return type == PolicyType.SCP || type == PolicyType.RCP;
    }
}
