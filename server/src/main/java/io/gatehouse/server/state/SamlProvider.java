package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An IAM SAML 2.0 identity provider: the IdP's metadata document, as uploaded and as read ({@link SamlMetadata}:
 * entity id, signing certificates, single sign-on endpoints, validity), and the private keys that decrypt the
 * assertions it encrypts.
 *
 * @param name          the name (unique per account; case-sensitive, as it is part of the ARN)
 * @param uuid          the provider's unique id ({@code SAMLProviderUUID}: {@code [A-Z0-9]}, 26 characters)
 * @param document      the metadata document as uploaded
 * @param metadata      what the document says
 * @param created       creation time
 * @param validUntil    when the provider stops being usable: the metadata's {@code validUntil}, or 100 years after it
 *                      was uploaded when the metadata sets none
 * @param encryption    whether assertions must be encrypted
 * @param privateKeys   the decryption keys, oldest first (at most two)
 * @param tags          tags in the order they were added
 */
public record SamlProvider(String name, String uuid, String document, SamlMetadata metadata, Instant created,
                           Instant validUntil, AssertionEncryption encryption, List<SamlPrivateKey> privateKeys,
                           List<Tag> tags) {

    /** IAM's {@code AssertionEncryptionMode}. */
    public enum AssertionEncryption {
        /** Assertions may be encrypted or not (the default). */
        ALLOWED("Allowed"),
        /** Only encrypted assertions are accepted. */
        REQUIRED("Required");

        private final String wire;

        AssertionEncryption(String wire) {
            this.wire = wire;
        }

        /** The value as IAM's API writes it. */
        public String wire() {
            return wire;
        }

        /** The mode IAM's API names, or {@code null} when it names none. */
        public static AssertionEncryption of(String wire) {
            for (AssertionEncryption mode : values()) {
                if (mode.wire.equals(wire)) {
                    return mode;
                }
            }
            return null;
        }
    }

    public SamlProvider {
        privateKeys = List.copyOf(privateKeys);
        tags = List.copyOf(tags);
    }

    /** The provider's ARN in canonical form: {@code arn:aws:iam::ACCOUNT:saml-provider/NAME}. */
    public String arn(String accountId) {
        return Arns.samlProvider(accountId, name);
    }

    /** This provider with a new metadata document (UpdateSAMLProvider); its validity follows the document. */
    public SamlProvider withDocument(String newDocument, SamlMetadata newMetadata, Instant newValidUntil) {
        return new SamlProvider(name, uuid, newDocument, newMetadata, created, newValidUntil, encryption, privateKeys,
                tags);
    }

    public SamlProvider withEncryption(AssertionEncryption newEncryption, List<SamlPrivateKey> newPrivateKeys) {
        return new SamlProvider(name, uuid, document, metadata, created, validUntil, newEncryption, newPrivateKeys,
                tags);
    }

    public SamlProvider withTags(List<Tag> newTags) {
        return new SamlProvider(name, uuid, document, metadata, created, validUntil, encryption, privateKeys, newTags);
    }

    @Override
    public String toString() {
        // Never print the private keys.
        return "SamlProvider[" + name + ", " + uuid + ", entityId=" + metadata.entityId() + ", keys="
                + privateKeys.size() + "]";
    }
}
