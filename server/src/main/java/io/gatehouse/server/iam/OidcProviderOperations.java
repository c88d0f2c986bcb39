package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.Tags.KeyCase;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.OidcProvider;
import io.gatehouse.server.state.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * OpenID Connect identity providers: CreateOpenIDConnectProvider, GetOpenIDConnectProvider,
 * DeleteOpenIDConnectProvider, ListOpenIDConnectProviders, AddClientIDToOpenIDConnectProvider,
 * RemoveClientIDFromOpenIDConnectProvider, UpdateOpenIDConnectProviderThumbprint, TagOpenIDConnectProvider,
 * UntagOpenIDConnectProvider, ListOpenIDConnectProviderTags.
 *
 * <p>A provider is named by its issuer URL without the scheme: its ARN is {@code …:oidc-provider/HOST/PATH} and
 * GetOpenIDConnectProvider answers that as {@code Url}. One provider per URL and at most {@value #MAX_PROVIDERS} per
 * account; at most {@value #MAX_CLIENT_IDS} client ids and {@value #MAX_THUMBPRINTS} thumbprints each. Thumbprints
 * are optional, as IAM has made them: Gatehouse verifies an issuer's keys over TLS against its trust store, not
 * against thumbprints, so none are fetched when none are given. Deleting a provider that does not exist, adding a
 * client id it has and removing one it lacks all succeed, as IAM documents them to be idempotent.
 */
final class OidcProviderOperations {

    /** IAM's quota of OpenID Connect providers per account. */
    static final int MAX_PROVIDERS = 100;
    /** IAM's quota of client ids per OpenID Connect provider. */
    static final int MAX_CLIENT_IDS = 100;
    /** IAM's quota of thumbprints per OpenID Connect provider. */
    static final int MAX_THUMBPRINTS = 5;

    private OidcProviderOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateOpenIDConnectProvider", OidcProviderOperations::create);
        handlers.put("GetOpenIDConnectProvider", OidcProviderOperations::get);
        handlers.put("DeleteOpenIDConnectProvider", OidcProviderOperations::delete);
        handlers.put("ListOpenIDConnectProviders", OidcProviderOperations::list);
        handlers.put("AddClientIDToOpenIDConnectProvider", OidcProviderOperations::addClientId);
        handlers.put("RemoveClientIDFromOpenIDConnectProvider", OidcProviderOperations::removeClientId);
        handlers.put("UpdateOpenIDConnectProviderThumbprint", OidcProviderOperations::updateThumbprints);
        handlers.put("TagOpenIDConnectProvider", OidcProviderOperations::tag);
        handlers.put("UntagOpenIDConnectProvider", OidcProviderOperations::untag);
        handlers.put("ListOpenIDConnectProviderTags", OidcProviderOperations::listTags);
    }

    /**
     * Creates a provider after checking its URL (only {@code https}, or {@code http} too in {@code --dev} mode), its
     * thumbprints and client ids. With tags the caller needs {@code iam:TagOpenIDConnectProvider} as well.
     */
    static Struct create(Call call) {
        Struct in = call.input();
        String url = in.string("Url");
        List<String> clientIds = distinct(in.strings("ClientIDList"));
        List<String> thumbprints = in.strings("ThumbprintList");
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"), KeyCase.SENSITIVE);
        String accountId = call.caller().accountId();
        IssuerUrls.check(url, call.services().dev());
        String name = OidcProvider.nameOf(url);
        String arn = Arns.oidcProvider(accountId, name);
        call.authorize(Target.of(arn), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        if (!tags.isEmpty()) {
            call.authorize("iam:TagOpenIDConnectProvider", Target.of(arn), context -> context.requestTags(tags));
        }
        checkThumbprints(thumbprints);
        checkClientIds(clientIds);
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.providers().oidcProvider(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("Provider with url %s already exists.", url);
            }
            if (account.providers().oidc().size() >= MAX_PROVIDERS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for OpenIdConnectProvidersPerAccount: %d",
                        MAX_PROVIDERS);
            }
            mutation.putOidcProvider(accountId,
                    new OidcProvider(url, clientIds, thumbprints, call.services().clock().instant(), tags));
            Struct.Builder out = call.output().set("OpenIDConnectProviderArn", call.arn(arn));
            if (!tags.isEmpty()) {
                out.set("Tags", IamViews.tags(out.child("Tags"), tags));
            }
            return out.build();
        });
    }

    /** A provider's URL (without its scheme), client ids, thumbprints, creation time and tags. */
    static Struct get(Call call) {
        OidcProvider provider = authorized(call);
        Struct.Builder out = call.output();
        return out.set("Url", provider.name()).set("ClientIDList", provider.clientIds())
                .set("ThumbprintList", provider.thumbprints()).set("CreateDate", provider.created())
                .set("Tags", IamViews.tags(out.child("Tags"), provider.tags())).build();
    }

    /** Deletes a provider; one that does not exist is no error. */
    static Struct delete(Call call) {
        ProviderArn arn = ProviderArn.oidc(call, call.input().string("OpenIDConnectProviderArn"));
        call.authorize(Target.of(arn.canonical()), tagged(current(call, arn)));
        return call.write(mutation -> {
            if (arn.inAccountOf(call) && mutation.account(arn.accountId()).providers().oidcProvider(arn.name()) != null) {
                mutation.removeOidcProvider(arn.accountId(), arn.name());
            }
            return call.noOutput();
        });
    }

    /**
     * Every provider's ARN, in ARN order. The service authorization reference gives ListOpenIDConnectProviders no
     * resource type, so it is authorized on {@code *}; the operation has no paging.
     */
    static Struct list(Call call) {
        call.authorize("*", context -> {});
        String accountId = call.caller().accountId();
        Struct.Builder out = call.output();
        Struct.Builder entry = out.child("OpenIDConnectProviderList");
        return out.set("OpenIDConnectProviderList", call.account().providers().oidc().values().stream()
                .map(p -> entry.set("Arn", call.arn(p.arn(accountId))).build()).toList()).build();
    }

    /** Adds a client id (audience) the provider accepts; one it accepts already changes nothing. */
    static Struct addClientId(Call call) {
        String clientId = call.input().string("ClientID");
        return change(call, provider -> {
            if (provider.clientIds().contains(clientId)) {
                return provider;
            }
            List<String> clientIds = new ArrayList<>(provider.clientIds());
            clientIds.add(clientId);
            checkClientIds(clientIds);
            return provider.withClientIds(clientIds);
        });
    }

    /** Removes a client id; one the provider does not have changes nothing. */
    static Struct removeClientId(Call call) {
        String clientId = call.input().string("ClientID");
        return change(call, provider -> provider.withClientIds(
                provider.clientIds().stream().filter(id -> !id.equals(clientId)).toList()));
    }

    /** Replaces the provider's thumbprints with the ones given (none removes them all). */
    static Struct updateThumbprints(Call call) {
        List<String> thumbprints = call.input().strings("ThumbprintList");
        checkThumbprints(thumbprints);
        return change(call, provider -> provider.withThumbprints(thumbprints));
    }

    static Struct tag(Call call) {
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"), KeyCase.SENSITIVE);
        return change(call, context -> context.requestTags(tags),
                provider -> provider.withTags(Tags.merge(provider.tags(), tags, KeyCase.SENSITIVE)));
    }

    static Struct untag(Call call) {
        List<String> keys = call.input().strings("TagKeys");
        return change(call, context -> context.tagKeys(keys),
                provider -> provider.withTags(Tags.remove(provider.tags(), keys, KeyCase.SENSITIVE)));
    }

    static Struct listTags(Call call) {
        return Tags.page(call, authorized(call).tags());
    }

    /** A change to an existing provider, authorized on its ARN with its tags in the context. */
    private static Struct change(Call call, UnaryOperator<OidcProvider> change) {
        return change(call, context -> {}, change);
    }

    private static Struct change(Call call, Consumer<ContextBuilder> context,
                                 UnaryOperator<OidcProvider> change) {
        ProviderArn arn = ProviderArn.oidc(call, call.input().string("OpenIDConnectProviderArn"));
        call.authorize(Target.of(arn.canonical()), tagged(current(call, arn)).andThen(context));
        return call.write(mutation -> {
            OidcProvider provider = arn.inAccountOf(call)
                    ? mutation.account(arn.accountId()).providers().oidcProvider(arn.name()) : null;
            if (provider == null) {
                throw notFound(call, arn);
            }
            mutation.putOidcProvider(arn.accountId(), change.apply(provider));
            return call.noOutput();
        });
    }

    /** Authorizes a read of the provider the request names, then requires it to exist. */
    private static OidcProvider authorized(Call call) {
        ProviderArn arn = ProviderArn.oidc(call, call.input().string("OpenIDConnectProviderArn"));
        OidcProvider provider = current(call, arn);
        call.authorize(Target.of(arn.canonical()), tagged(provider));
        if (provider == null) {
            throw notFound(call, arn);
        }
        return provider;
    }

    /** The provider an ARN names as the call found it, or {@code null}. */
    private static OidcProvider current(Call call, ProviderArn arn) {
        return arn.inAccountOf(call) ? call.account().providers().oidcProvider(arn.name()) : null;
    }

    /** The context keys of a call on a provider that may exist: its tags. */
    private static Consumer<ContextBuilder> tagged(OidcProvider provider) {
        return Call.resourceTags(provider == null ? List.of() : provider.tags());
    }

    private static void checkThumbprints(List<String> thumbprints) {
        if (thumbprints.size() > MAX_THUMBPRINTS) {
            throw AwsError.INVALID_INPUT.exception("Thumbprint list must contain fewer than %d entries.",
                    MAX_THUMBPRINTS);
        }
    }

    private static void checkClientIds(List<String> clientIds) {
        if (clientIds.size() > MAX_CLIENT_IDS) {
            throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: %d",
                    MAX_CLIENT_IDS);
        }
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static AwsException notFound(Call call, ProviderArn arn) {
        return AwsError.NO_SUCH_ENTITY.exception("OpenIDConnect Provider not found for arn %s",
                call.arn(arn.canonical()));
    }
}
