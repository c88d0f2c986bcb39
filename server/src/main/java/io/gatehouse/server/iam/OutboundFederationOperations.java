package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import java.util.Map;
import java.util.UUID;

/**
 * IAM outbound identity federation (IAM API Reference): EnableOutboundWebIdentityFederation,
 * DisableOutboundWebIdentityFederation and GetOutboundWebIdentityFederationInfo. Enabling gives the account an issuer
 * URL (its discovery document and keys are served by {@link io.gatehouse.server.outbound.OutboundIssuers}) and lets its
 * principals call STS GetWebIdentityToken. The issuer stays the account's when the feature is disabled and enabled
 * again, so relying parties configured with it keep working.
 *
 * <p>Enabling twice is {@code FeatureEnabled} (409) and disabling a disabled feature {@code FeatureDisabled} (404). For
 * an account that never enabled the feature, GetOutboundWebIdentityFederationInfo answers {@code FeatureDisabled}, as
 * AWS does; once it was enabled, the answer names the issuer with {@code JwtVendingEnabled} saying whether tokens are
 * issued now. The service authorization reference gives these actions no resource type: each is authorized on
 * {@code *}.
 */
final class OutboundFederationOperations {

    private OutboundFederationOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("EnableOutboundWebIdentityFederation", OutboundFederationOperations::enable);
        handlers.put("DisableOutboundWebIdentityFederation", OutboundFederationOperations::disable);
        handlers.put("GetOutboundWebIdentityFederationInfo", OutboundFederationOperations::info);
    }

    static Struct enable(Call call) {
        call.authorize("*", context -> {});
        String accountId = call.caller().accountId();
        Account.OutboundFederation known = call.account().account().outboundFederation();
        String issuerId = known == null ? UUID.randomUUID().toString() : known.issuerId();
        // The issuer's signing keys are made (an RSA key takes a moment) before the transaction, not inside it.
        call.services().outboundIssuers().prepareKeys(issuerId);
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Account.OutboundFederation outbound = account.account().outboundFederation();
            if (outbound != null && outbound.enabled()) {
                throw AwsError.FEATURE_ENABLED.exception();
            }
            // An account keeps the issuer it has (whose keys the call that first enabled it made).
            Account.OutboundFederation enabled = new Account.OutboundFederation(
                    outbound == null ? issuerId : outbound.issuerId(), true);
            mutation.putAccount(account.withAccount(account.account().withOutboundFederation(enabled)));
            return call.output()
                    .set("IssuerIdentifier", call.services().outboundIssuers().issuerUrl(enabled.issuerId()))
                    .build();
        });
    }

    static Struct disable(Call call) {
        call.authorize("*", context -> {});
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Account.OutboundFederation outbound = account.account().outboundFederation();
            if (outbound == null || !outbound.enabled()) {
                throw AwsError.FEATURE_DISABLED.exception();
            }
            mutation.putAccount(account.withAccount(account.account().withOutboundFederation(
                    new Account.OutboundFederation(outbound.issuerId(), false))));
            return call.noOutput();
        });
    }

    static Struct info(Call call) {
        call.authorize("*", context -> {});
        Account.OutboundFederation outbound = call.account().account().outboundFederation();
        if (outbound == null) {
            throw AwsError.FEATURE_DISABLED.exception();
        }
        return call.output()
                .set("IssuerIdentifier", call.services().outboundIssuers().issuerUrl(outbound.issuerId()))
                .set("JwtVendingEnabled", outbound.enabled())
                .build();
    }
}
