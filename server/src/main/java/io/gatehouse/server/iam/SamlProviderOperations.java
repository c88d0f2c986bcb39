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
import io.gatehouse.server.state.SamlMetadata;
import io.gatehouse.server.state.SamlPrivateKey;
import io.gatehouse.server.state.SamlProvider;
import io.gatehouse.server.state.SamlProvider.AssertionEncryption;
import io.gatehouse.server.state.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * SAML 2.0 identity providers: CreateSAMLProvider, GetSAMLProvider, UpdateSAMLProvider, DeleteSAMLProvider,
 * ListSAMLProviders, TagSAMLProvider, UntagSAMLProvider, ListSAMLProviderTags.
 *
 * <p>The metadata document is read safely ({@link SamlMetadata}: no DTD, no entity, nothing fetched) and must describe
 * a SAML 2.0 IdP with a signing certificate; anything else is {@code InvalidInput: Could not parse metadata} and
 * changes nothing. A provider's {@code ValidUntil} is the metadata's, or 100 years after the upload when it sets none,
 * as IAM does. Assertion encryption follows IAM: a mode ({@code Allowed} by default, or {@code Required}) and at most
 * {@value #MAX_PRIVATE_KEYS} RSA private keys (PEM) to decrypt with, added and removed in separate requests to rotate
 * them. The keys are sealed at rest and never answered, logged or audited (their model shape is sensitive);
 * GetSAMLProvider lists their ids and when they were added. At most {@value #MAX_PROVIDERS} providers per account;
 * names are case-sensitive.
 */
final class SamlProviderOperations {

    /** IAM's quota of SAML providers per account. */
    static final int MAX_PROVIDERS = 100;
    /** The private keys a SAML provider holds at most (the model's {@code privateKeyList} bound). */
    static final int MAX_PRIVATE_KEYS = 2;
    /** How long a provider whose metadata sets no {@code validUntil} is valid. */
    private static final int DEFAULT_VALIDITY_YEARS = 100;

    static final String BAD_METADATA = "Could not parse metadata";
    static final String BAD_PRIVATE_KEY = "Could not parse private key: it must be an unencrypted RSA private key in "
            + "PEM format.";

    private SamlProviderOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateSAMLProvider", SamlProviderOperations::create);
        handlers.put("GetSAMLProvider", SamlProviderOperations::get);
        handlers.put("UpdateSAMLProvider", SamlProviderOperations::update);
        handlers.put("DeleteSAMLProvider", SamlProviderOperations::delete);
        handlers.put("ListSAMLProviders", SamlProviderOperations::list);
        handlers.put("TagSAMLProvider", SamlProviderOperations::tag);
        handlers.put("UntagSAMLProvider", SamlProviderOperations::untag);
        handlers.put("ListSAMLProviderTags", SamlProviderOperations::listTags);
    }

    /**
     * Creates a provider from its metadata, perhaps with a private key and an encryption mode ({@code Required}
     * needs a key). With tags the caller needs {@code iam:TagSAMLProvider} as well.
     */
    static Struct create(Call call) {
        Struct in = call.input();
        String name = in.string("Name");
        String document = in.string("SAMLMetadataDocument");
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"), KeyCase.SENSITIVE);
        String accountId = call.caller().accountId();
        String arn = Arns.samlProvider(accountId, name);
        call.authorize(Target.of(arn), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        if (!tags.isEmpty()) {
            call.authorize("iam:TagSAMLProvider", Target.of(arn), context -> context.requestTags(tags));
        }
        SamlMetadata metadata = metadata(document);
        Instant now = call.services().clock().instant();
        List<SamlPrivateKey> keys = new ArrayList<>();
        if (in.has("AddPrivateKey")) {
            keys.add(privateKey(call, in.string("AddPrivateKey"), now));
        }
        AssertionEncryption encryption = in.has("AssertionEncryptionMode")
                ? AssertionEncryption.of(in.string("AssertionEncryptionMode")) : AssertionEncryption.ALLOWED;
        checkEncryption(encryption, keys);
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.providers().samlProvider(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("Provider with name %s already exists.", name);
            }
            if (account.providers().saml().size() >= MAX_PROVIDERS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for SAMLProvidersPerAccount: %d",
                        MAX_PROVIDERS);
            }
            mutation.putSamlProvider(accountId, new SamlProvider(name, call.services().ids().samlProviderUuid(),
                    document, metadata, now, validUntil(metadata, now), encryption, keys, tags));
            Struct.Builder out = call.output().set("SAMLProviderArn", call.arn(arn));
            if (!tags.isEmpty()) {
                out.set("Tags", IamViews.tags(out.child("Tags"), tags));
            }
            return out.build();
        });
    }

    /** A provider's metadata document, dates, tags, encryption mode and private key ids; never the keys. */
    static Struct get(Call call) {
        SamlProvider provider = authorized(call);
        Struct.Builder out = call.output();
        Struct.Builder key = out.child("PrivateKeyList");
        return out.set("SAMLProviderUUID", provider.uuid()).set("SAMLMetadataDocument", provider.document())
                .set("CreateDate", provider.created()).set("ValidUntil", provider.validUntil())
                .set("Tags", IamViews.tags(out.child("Tags"), provider.tags()))
                .set("AssertionEncryptionMode", provider.encryption().wire())
                .set("PrivateKeyList", provider.privateKeys().stream()
                        .map(k -> key.set("KeyId", k.id()).set("Timestamp", k.added()).build()).toList())
                .build();
    }

    /**
     * Replaces the metadata document, changes the encryption mode, and adds or removes one private key (not both in
     * one request). Every part is checked before anything changes.
     */
    static Struct update(Call call) {
        Struct in = call.input();
        String document = in.string("SAMLMetadataDocument");
        SamlMetadata metadata = document == null ? null : metadata(document);
        String added = in.string("AddPrivateKey");
        String removed = in.string("RemovePrivateKey");
        if (added != null && removed != null) {
            throw AwsError.INVALID_INPUT.exception("AddPrivateKey and RemovePrivateKey cannot be used in the same "
                    + "request: add the new key, then remove the old one in a separate request.");
        }
        Instant now = call.services().clock().instant();
        SamlPrivateKey newKey = added == null ? null : privateKey(call, added, now);
        AssertionEncryption mode = AssertionEncryption.of(in.string("AssertionEncryptionMode"));
        ProviderArn arn = ProviderArn.saml(call, in.string("SAMLProviderArn"));
        call.authorize(Target.of(arn.canonical()), tagged(current(call, arn)));
        return call.write(mutation -> {
            SamlProvider provider = require(call, mutation.account(arn.accountId()), arn);
            SamlProvider updated = document == null ? provider
                    : provider.withDocument(document, metadata, validUntil(metadata, now));
            List<SamlPrivateKey> keys = new ArrayList<>(provider.privateKeys());
            if (newKey != null) {
                if (keys.size() >= MAX_PRIVATE_KEYS) {
                    throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for PrivateKeysPerSAMLProvider: %d",
                            MAX_PRIVATE_KEYS);
                }
                keys.add(newKey);
            }
            if (removed != null && !keys.removeIf(k -> k.id().equals(removed))) {
                throw AwsError.INVALID_INPUT.exception("The private key %s does not exist for this SAML provider.",
                        removed);
            }
            AssertionEncryption encryption = mode != null ? mode : provider.encryption();
            checkEncryption(encryption, keys);
            mutation.putSamlProvider(arn.accountId(), updated.withEncryption(encryption, keys));
            return call.output().set("SAMLProviderArn", call.arn(arn.canonical())).build();
        });
    }

    static Struct delete(Call call) {
        ProviderArn arn = ProviderArn.saml(call, call.input().string("SAMLProviderArn"));
        call.authorize(Target.of(arn.canonical()), tagged(current(call, arn)));
        return call.write(mutation -> {
            mutation.removeSamlProvider(arn.accountId(), require(call, mutation.account(arn.accountId()), arn).name());
            return call.noOutput();
        });
    }

    /**
     * Every provider's ARN, validity and creation time, in ARN order. The service authorization reference gives
     * ListSAMLProviders no resource type, so it is authorized on {@code *}; the operation has no paging.
     */
    static Struct list(Call call) {
        call.authorize("*", context -> {});
        String accountId = call.caller().accountId();
        Struct.Builder out = call.output();
        Struct.Builder entry = out.child("SAMLProviderList");
        return out.set("SAMLProviderList", call.account().providers().saml().values().stream()
                .map(p -> entry.set("Arn", call.arn(p.arn(accountId))).set("ValidUntil", p.validUntil())
                        .set("CreateDate", p.created()).build()).toList()).build();
    }

    static Struct tag(Call call) {
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"), KeyCase.SENSITIVE);
        return changeTags(call, context -> context.requestTags(tags),
                existing -> Tags.merge(existing, tags, KeyCase.SENSITIVE));
    }

    static Struct untag(Call call) {
        List<String> keys = call.input().strings("TagKeys");
        return changeTags(call, context -> context.tagKeys(keys),
                existing -> Tags.remove(existing, keys, KeyCase.SENSITIVE));
    }

    static Struct listTags(Call call) {
        return Tags.page(call, authorized(call).tags());
    }

    private static Struct changeTags(Call call, Consumer<ContextBuilder> context, UnaryOperator<List<Tag>> change) {
        ProviderArn arn = ProviderArn.saml(call, call.input().string("SAMLProviderArn"));
        call.authorize(Target.of(arn.canonical()), tagged(current(call, arn)).andThen(context));
        return call.write(mutation -> {
            SamlProvider provider = require(call, mutation.account(arn.accountId()), arn);
            mutation.putSamlProvider(arn.accountId(), provider.withTags(change.apply(provider.tags())));
            return call.noOutput();
        });
    }

    /** Authorizes a read of the provider the request names, then requires it to exist. */
    private static SamlProvider authorized(Call call) {
        ProviderArn arn = ProviderArn.saml(call, call.input().string("SAMLProviderArn"));
        SamlProvider provider = current(call, arn);
        call.authorize(Target.of(arn.canonical()), tagged(provider));
        if (provider == null) {
            throw notFound(call, arn);
        }
        return provider;
    }

    private static SamlProvider current(Call call, ProviderArn arn) {
        return arn.inAccountOf(call) ? call.account().providers().samlProvider(arn.name()) : null;
    }

    private static SamlProvider require(Call call, AccountState account, ProviderArn arn) {
        SamlProvider provider = arn.inAccountOf(call) ? account.providers().samlProvider(arn.name()) : null;
        if (provider == null) {
            throw notFound(call, arn);
        }
        return provider;
    }

    /** The context keys of a call on a provider that may exist: its tags. */
    private static Consumer<ContextBuilder> tagged(SamlProvider provider) {
        return Call.resourceTags(provider == null ? List.of() : provider.tags());
    }

    private static SamlMetadata metadata(String document) {
        try {
            return SamlMetadata.parse(document);
        } catch (SamlMetadata.InvalidMetadataException e) {
            throw AwsError.INVALID_INPUT.exception(BAD_METADATA);
        }
    }

    private static SamlPrivateKey privateKey(Call call, String pem, Instant now) {
        if (PrivateKeys.readRsa(pem) == null) {
            throw AwsError.INVALID_INPUT.exception(BAD_PRIVATE_KEY);
        }
        return new SamlPrivateKey(call.services().ids().samlPrivateKeyId(), pem, now);
    }

    private static void checkEncryption(AssertionEncryption encryption, List<SamlPrivateKey> keys) {
        if (encryption == AssertionEncryption.REQUIRED && keys.isEmpty()) {
            throw AwsError.INVALID_INPUT.exception("AssertionEncryptionMode Required needs a private key to decrypt "
                    + "assertions with: add one with AddPrivateKey.");
        }
    }

    private static Instant validUntil(SamlMetadata metadata, Instant uploaded) {
        return metadata.validUntil() != null ? metadata.validUntil()
                : uploaded.atOffset(ZoneOffset.UTC).plusYears(DEFAULT_VALIDITY_YEARS).toInstant();
    }

    private static AwsException notFound(Call call, ProviderArn arn) {
        return AwsError.NO_SUCH_ENTITY.exception("Manifest not found for arn %s", call.arn(arn.canonical()));
    }
}
