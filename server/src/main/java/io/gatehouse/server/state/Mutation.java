package io.gatehouse.server.state;

import io.gatehouse.server.store.AuditEvent;
import io.gatehouse.server.store.Transaction;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One command's change to the state, made in step with the database: each method derives the next in-memory state
 * and writes the same change into the command's transaction, so memory and the durable record cannot drift apart.
 * Reads through {@link #state()} see the committed state plus every change made earlier in the batch.
 */
public final class Mutation {

    private final Transaction tx;
    private final EntityCodec codec;
    private GatehouseState state;

    Mutation(GatehouseState state, Transaction tx, EntityCodec codec) {
        this.state = state;
        this.tx = tx;
        this.codec = codec;
    }

    /** The state as this command sees it. */
    public GatehouseState state() {
        return state;
    }

    /** An account as this command sees it, or {@code null}. */
    public AccountState account(String accountId) {
        return state.account(accountId);
    }

    /** Records the call's audit event in the same transaction as its change. */
    public void audit(AuditEvent event) {
        tx.audit(event);
    }

    public void putAccount(AccountState account) {
        tx.putAccount(account.accountId(), codec.write(account.account()));
        state = state.with(account);
    }

    /** Deletes an account with everything in it; its access keys stay retired. */
    public void removeAccount(String accountId) {
        AccountState account = account(accountId);
        tx.deleteAccount(accountId);
        for (String keyId : account.accessKeys().keySet()) {
            tx.put(accountId, EntityCodec.RETIRED_KEY, keyId, "{}");
            state = state.withoutKey(keyId);
        }
        state = state.without(accountId);
    }

    public void putUser(String accountId, User user) {
        tx.put(accountId, EntityCodec.USER, Names.key(user.name()), codec.write(user));
        state = state.with(account(accountId).withUser(user));
    }

    public void removeUser(String accountId, String name) {
        tx.delete(accountId, EntityCodec.USER, Names.key(name));
        state = state.with(account(accountId).withoutUser(name));
    }

    public void putGroup(String accountId, Group group) {
        tx.put(accountId, EntityCodec.GROUP, Names.key(group.name()), codec.write(group));
        state = state.with(account(accountId).withGroup(group));
    }

    public void removeGroup(String accountId, String name) {
        tx.delete(accountId, EntityCodec.GROUP, Names.key(name));
        state = state.with(account(accountId).withoutGroup(name));
    }

    public void putRole(String accountId, Role role) {
        tx.put(accountId, EntityCodec.ROLE, Names.key(role.name()), codec.write(role));
        state = state.with(account(accountId).withRole(role));
    }

    public void removeRole(String accountId, String name) {
        tx.delete(accountId, EntityCodec.ROLE, Names.key(name));
        state = state.with(account(accountId).withoutRole(name));
    }

    public void putPolicy(String accountId, ManagedPolicy policy) {
        tx.put(accountId, EntityCodec.POLICY, Names.key(policy.name()), codec.write(policy));
        state = state.with(account(accountId).withPolicy(policy));
    }

    public void removePolicy(String accountId, String name) {
        tx.delete(accountId, EntityCodec.POLICY, Names.key(name));
        state = state.with(account(accountId).withoutPolicy(name));
    }

    public void putInstanceProfile(String accountId, InstanceProfile profile) {
        tx.put(accountId, EntityCodec.INSTANCE_PROFILE, Names.key(profile.name()), codec.write(profile));
        state = state.with(account(accountId).withInstanceProfile(profile));
    }

    public void removeInstanceProfile(String accountId, String name) {
        tx.delete(accountId, EntityCodec.INSTANCE_PROFILE, Names.key(name));
        state = state.with(account(accountId).withoutInstanceProfile(name));
    }

    /** Records a service-linked role deletion (the role itself is removed with {@link #removeRole}). */
    public void putRoleDeletion(String accountId, ServiceLinkedRoleDeletion deletion) {
        tx.put(accountId, EntityCodec.ROLE_DELETION, deletion.taskId(), codec.write(deletion));
        state = state.with(account(accountId).withRoleDeletion(deletion));
    }

    /** Creates or replaces an access key (a user's, or the root user's when its user name is null). */
    public void putAccessKey(String accountId, AccessKey key) {
        tx.put(accountId, EntityCodec.ACCESS_KEY, key.id(), codec.write(key));
        state = state.with(account(accountId).withAccessKey(key)).withKey(key.id(), accountId);
    }

    /** Deletes an access key; its id stays retired, so it is never taken for an unknown key. */
    public void removeAccessKey(String accountId, String id) {
        tx.delete(accountId, EntityCodec.ACCESS_KEY, id);
        tx.put(accountId, EntityCodec.RETIRED_KEY, id, "{}");
        state = state.with(account(accountId).withoutAccessKey(id)).withoutKey(id);
    }

    /** Creates or replaces a user's login profile (its password hashes are sealed in the store). */
    public void putLoginProfile(String accountId, LoginProfile profile) {
        tx.put(accountId, EntityCodec.LOGIN_PROFILE, Names.key(profile.userName()), codec.write(accountId, profile));
        state = state.with(account(accountId).withLoginProfile(profile));
    }

    public void removeLoginProfile(String accountId, String userName) {
        tx.delete(accountId, EntityCodec.LOGIN_PROFILE, Names.key(userName));
        state = state.with(account(accountId).withoutLoginProfile(userName));
    }

    /** Creates or replaces a virtual MFA device (its seed sealed in the store). */
    public void putMfaDevice(String accountId, MfaDevice device) {
        tx.put(accountId, EntityCodec.MFA_DEVICE, device.key(), codec.write(accountId, device));
        state = state.with(account(accountId).withMfaDevice(device));
    }

    public void removeMfaDevice(String accountId, String key) {
        tx.delete(accountId, EntityCodec.MFA_DEVICE, key);
        state = state.with(account(accountId).withoutMfaDevice(key));
    }

    public void putSshPublicKey(String accountId, SshPublicKey key) {
        tx.put(accountId, EntityCodec.SSH_PUBLIC_KEY, key.id(), codec.write(key));
        changeOthers(accountId, others -> others.withSshPublicKey(key));
    }

    public void removeSshPublicKey(String accountId, SshPublicKey key) {
        tx.delete(accountId, EntityCodec.SSH_PUBLIC_KEY, key.id());
        changeOthers(accountId, others -> others.withoutSshPublicKey(key));
    }

    /** Creates or replaces a signing certificate (a user's, or the root user's when its user name is null). */
    public void putSigningCertificate(String accountId, SigningCertificate certificate) {
        tx.put(accountId, EntityCodec.SIGNING_CERTIFICATE, certificate.id(), codec.write(certificate));
        changeOthers(accountId, others -> others.withSigningCertificate(certificate));
    }

    public void removeSigningCertificate(String accountId, SigningCertificate certificate) {
        tx.delete(accountId, EntityCodec.SIGNING_CERTIFICATE, certificate.id());
        changeOthers(accountId, others -> others.withoutSigningCertificate(certificate));
    }

    public void putServiceCredential(String accountId, ServiceSpecificCredential credential) {
        tx.put(accountId, EntityCodec.SERVICE_CREDENTIAL, credential.id(), codec.write(credential));
        changeOthers(accountId, others -> others.withServiceCredential(credential));
    }

    public void removeServiceCredential(String accountId, ServiceSpecificCredential credential) {
        tx.delete(accountId, EntityCodec.SERVICE_CREDENTIAL, credential.id());
        changeOthers(accountId, others -> others.withoutServiceCredential(credential));
    }

    /** Creates or replaces a server certificate; one renamed must be removed under its old name first. */
    public void putServerCertificate(String accountId, ServerCertificate certificate) {
        tx.put(accountId, EntityCodec.SERVER_CERTIFICATE, Names.key(certificate.name()), codec.write(certificate));
        changeOthers(accountId, others -> others.withServerCertificate(certificate));
    }

    public void removeServerCertificate(String accountId, String name) {
        tx.delete(accountId, EntityCodec.SERVER_CERTIFICATE, Names.key(name));
        changeOthers(accountId, others -> others.withoutServerCertificate(name));
    }

    /** Creates or replaces an OpenID Connect provider. */
    public void putOidcProvider(String accountId, OidcProvider provider) {
        tx.put(accountId, EntityCodec.OIDC_PROVIDER, provider.name(), codec.write(provider));
        changeProviders(accountId, providers -> providers.with(provider));
    }

    public void removeOidcProvider(String accountId, String name) {
        tx.delete(accountId, EntityCodec.OIDC_PROVIDER, name);
        changeProviders(accountId, providers -> providers.withoutOidc(name));
    }

    /** Creates or replaces a SAML provider (its private keys sealed in the store). */
    public void putSamlProvider(String accountId, SamlProvider provider) {
        tx.put(accountId, EntityCodec.SAML_PROVIDER, provider.name(), codec.write(provider));
        changeProviders(accountId, providers -> providers.with(provider));
    }

    public void removeSamlProvider(String accountId, String name) {
        tx.delete(accountId, EntityCodec.SAML_PROVIDER, name);
        changeProviders(accountId, providers -> providers.withoutSaml(name));
    }

    /**
     * The account's credential report as this command's transaction sees it, or {@code null}. Reports are not part of
     * the state ({@link CredentialReports}), so this reads the store.
     */
    public CredentialReport credentialReport(String accountId) {
        return tx.entity(accountId, EntityCodec.CREDENTIAL_REPORT, CredentialReports.KEY)
                .map(row -> codec.readCredentialReport(row.body())).orElse(null);
    }

    /** Replaces the account's credential report (or generation under way); the state does not change. */
    public void putCredentialReport(String accountId, CredentialReport report) {
        tx.put(accountId, EntityCodec.CREDENTIAL_REPORT, CredentialReports.KEY, codec.write(report));
    }

    public void removeCredentialReport(String accountId) {
        tx.delete(accountId, EntityCodec.CREDENTIAL_REPORT, CredentialReports.KEY);
    }

    /**
     * Moves a user's SSH public keys, signing certificates and service-specific credentials to the user's new name
     * (UpdateUser renamed it).
     */
    public void renameCredentialOwner(String accountId, String oldName, String newName) {
        OtherCredentials others = account(accountId).others();
        String owner = Names.key(oldName);
        for (SshPublicKey key : others.sshPublicKeysOf(owner)) {
            removeSshPublicKey(accountId, key);
            putSshPublicKey(accountId, key.withUserName(newName));
        }
        for (SigningCertificate certificate : others.signingCertificatesOf(owner)) {
            removeSigningCertificate(accountId, certificate);
            putSigningCertificate(accountId, certificate.withUserName(newName));
        }
        for (ServiceSpecificCredential credential : others.serviceCredentialsOf(owner)) {
            removeServiceCredential(accountId, credential);
            putServiceCredential(accountId, credential.withUserName(newName));
        }
    }

    private void changeOthers(String accountId, UnaryOperator<OtherCredentials> change) {
        AccountState account = account(accountId);
        state = state.with(account.withOthers(change.apply(account.others())));
    }

    private void changeProviders(String accountId, UnaryOperator<IdentityProviders> change) {
        AccountState account = account(accountId);
        state = state.with(account.withProviders(change.apply(account.providers())));
    }

    GatehouseState result() {
        return Objects.requireNonNull(state);
    }
}
