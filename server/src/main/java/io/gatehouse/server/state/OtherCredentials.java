package io.gatehouse.server.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * An account's credentials other than passwords and access keys: users' SSH public keys, signing certificates
 * (users' and the root user's) and service-specific credentials, and the account's server certificates. Users'
 * credentials are held by owner ({@link Names#key} of the user, {@link AccountState#ROOT_KEYS} for the root user),
 * then by id.
 *
 * @param sshPublicKeys       owner to SSH public keys by id
 * @param signingCertificates owner to signing certificates by id
 * @param certificateDigests  the digest of every signing certificate of the account to its id
 * @param serviceCredentials  owner to service-specific credentials by id
 * @param serverCertificates  server certificates by {@link Names#key} of their names
 */
public record OtherCredentials(
        PMap<String, PSortedMap<String, SshPublicKey>> sshPublicKeys,
        PMap<String, PSortedMap<String, SigningCertificate>> signingCertificates,
        PMap<String, String> certificateDigests,
        PMap<String, PSortedMap<String, ServiceSpecificCredential>> serviceCredentials,
        PSortedMap<String, ServerCertificate> serverCertificates) {

    public static final OtherCredentials EMPTY = new OtherCredentials(HashTreePMap.empty(), HashTreePMap.empty(),
            HashTreePMap.empty(), HashTreePMap.empty(), TreePMap.empty());

    /** The SSH public keys of a user, oldest first. */
    public List<SshPublicKey> sshPublicKeysOf(String owner) {
        return oldestFirst(sshPublicKeys.get(owner));
    }

    /** The signing certificates of a user ({@link AccountState#ROOT_KEYS} for the root user), oldest first. */
    public List<SigningCertificate> signingCertificatesOf(String owner) {
        return oldestFirst(signingCertificates.get(owner));
    }

    /** The service-specific credentials of a user, oldest first. */
    public List<ServiceSpecificCredential> serviceCredentialsOf(String owner) {
        return oldestFirst(serviceCredentials.get(owner));
    }

    /** Every service-specific credential of the account, oldest first. */
    public List<ServiceSpecificCredential> allServiceCredentials() {
        List<ServiceSpecificCredential> all = new ArrayList<>();
        serviceCredentials.values().forEach(m -> all.addAll(m.values()));
        all.sort(OLDEST_FIRST);
        return all;
    }

    public ServerCertificate serverCertificate(String name) {
        return serverCertificates.get(Names.key(name));
    }

    /** Whether a user holds any credential of these kinds (DeleteUser refuses then). */
    public boolean holdsAny(String owner) {
        return sshPublicKeys.containsKey(owner) || signingCertificates.containsKey(owner)
                || serviceCredentials.containsKey(owner);
    }

    // --- changes ---

    public OtherCredentials withSshPublicKey(SshPublicKey key) {
        return new OtherCredentials(put(sshPublicKeys, owner(key), key), signingCertificates, certificateDigests,
                serviceCredentials, serverCertificates);
    }

    public OtherCredentials withoutSshPublicKey(SshPublicKey key) {
        return new OtherCredentials(remove(sshPublicKeys, owner(key), key.id()), signingCertificates,
                certificateDigests, serviceCredentials, serverCertificates);
    }

    public OtherCredentials withSigningCertificate(SigningCertificate certificate) {
        return new OtherCredentials(sshPublicKeys, put(signingCertificates, owner(certificate), certificate),
                certificateDigests.plus(certificate.digest(), certificate.id()), serviceCredentials,
                serverCertificates);
    }

    public OtherCredentials withoutSigningCertificate(SigningCertificate certificate) {
        return new OtherCredentials(sshPublicKeys, remove(signingCertificates, owner(certificate), certificate.id()),
                certificateDigests.minus(certificate.digest()), serviceCredentials, serverCertificates);
    }

    public OtherCredentials withServiceCredential(ServiceSpecificCredential credential) {
        return new OtherCredentials(sshPublicKeys, signingCertificates, certificateDigests,
                put(serviceCredentials, owner(credential), credential), serverCertificates);
    }

    public OtherCredentials withoutServiceCredential(ServiceSpecificCredential credential) {
        return new OtherCredentials(sshPublicKeys, signingCertificates, certificateDigests,
                remove(serviceCredentials, owner(credential), credential.id()), serverCertificates);
    }

    public OtherCredentials withServerCertificate(ServerCertificate certificate) {
        return new OtherCredentials(sshPublicKeys, signingCertificates, certificateDigests, serviceCredentials,
                serverCertificates.plus(Names.key(certificate.name()), certificate));
    }

    public OtherCredentials withoutServerCertificate(String name) {
        return new OtherCredentials(sshPublicKeys, signingCertificates, certificateDigests, serviceCredentials,
                serverCertificates.minus(Names.key(name)));
    }

    /** The owner key a user's credential is held under. */
    public static String owner(UserCredential credential) {
        return credential.userName() == null ? AccountState.ROOT_KEYS : Names.key(credential.userName());
    }

    private static final Comparator<UserCredential> OLDEST_FIRST =
            Comparator.comparing(UserCredential::created).thenComparing(UserCredential::id);

    private static <T extends UserCredential> List<T> oldestFirst(PSortedMap<String, T> held) {
        if (held == null) {
            return List.of();
        }
        List<T> list = new ArrayList<>(held.values());
        list.sort(OLDEST_FIRST);
        return list;
    }

    private static <T extends UserCredential> PMap<String, PSortedMap<String, T>> put(
            PMap<String, PSortedMap<String, T>> index, String owner, T credential) {
        PSortedMap<String, T> held = index.get(owner);
        return index.plus(owner, (held == null ? TreePMap.<String, T>empty() : held).plus(credential.id(), credential));
    }

    private static <T> PMap<String, PSortedMap<String, T>> remove(PMap<String, PSortedMap<String, T>> index,
                                                                 String owner, String id) {
        PSortedMap<String, T> held = index.get(owner);
        if (held == null) {
            return index;
        }
        PSortedMap<String, T> rest = held.minus(id);
        return rest.isEmpty() ? index.minus(owner) : index.plus(owner, rest);
    }
}
