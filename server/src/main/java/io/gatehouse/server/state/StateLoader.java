package io.gatehouse.server.state;

import io.gatehouse.server.store.EntityRow;
import io.gatehouse.server.store.Store;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the in-memory state from the store at startup: accounts first, then every entity into its account.
 * Decoding the rows (JSON, sealed secrets) is independent row by row and is most of the work, so it runs on every
 * core; the state is then built from the decoded entities in the rows' order on the calling thread.
 */
public final class StateLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StateLoader.class);

    private StateLoader() {}

    public static GatehouseState load(Store store, EntityCodec codec) {
        long start = System.nanoTime();
        List<EntityRow> entities = new ArrayList<>();
        GatehouseState[] state = {GatehouseState.EMPTY};
        store.load(account -> state[0] = state[0].with(AccountState.of(codec.readAccount(account.body()))), entities::add);
        GatehouseState accounts = state[0];
        long read = System.nanoTime();
        List<Object> decoded = entities.parallelStream().map(row -> decode(codec, accounts, row)).toList();
        long decodedAt = System.nanoTime();
        GatehouseState loaded = accounts;
        for (int i = 0; i < decoded.size(); i++) {
            EntityRow row = entities.get(i);
            Object entity = decoded.get(i);
            if (row.kind().equals(EntityCodec.RETIRED_KEY)) {
                loaded = loaded.withRetiredKey(row.key());
                continue;
            }
            if (entity == null) {
                continue;
            }
            AccountState account = loaded.account(row.accountId());
            loaded = switch (entity) {
                case User user -> loaded.with(account.withUser(user));
                case Group group -> loaded.with(account.withGroup(group));
                case Role role -> loaded.with(account.withRole(role));
                case ManagedPolicy policy -> loaded.with(account.withPolicy(policy));
                case InstanceProfile profile -> loaded.with(account.withInstanceProfile(profile));
                case ServiceLinkedRoleDeletion deletion -> loaded.with(account.withRoleDeletion(deletion));
                case LoginProfile profile -> loaded.with(account.withLoginProfile(profile));
                case SshPublicKey key -> loaded.with(account.withOthers(account.others().withSshPublicKey(key)));
                case SigningCertificate certificate ->
                        loaded.with(account.withOthers(account.others().withSigningCertificate(certificate)));
                case ServiceSpecificCredential credential ->
                        loaded.with(account.withOthers(account.others().withServiceCredential(credential)));
                case ServerCertificate certificate ->
                        loaded.with(account.withOthers(account.others().withServerCertificate(certificate)));
                case AccessKey key -> loaded.with(account.withAccessKey(key)).withKey(key.id(), row.accountId());
                case MfaDevice device -> loaded.with(account.withMfaDevice(device));
                case OidcProvider provider -> loaded.with(account.withProviders(account.providers().with(provider)));
                case SamlProvider provider -> loaded.with(account.withProviders(account.providers().with(provider)));
                default -> throw new IllegalStateException("decoded " + entity.getClass());
            };
        }
        long end = System.nanoTime();
        LOG.info("loaded {} accounts and {} entities in {} ms (read {} ms, decoded {} ms, indexed {} ms)",
                accounts.accounts().size(), entities.size(), (end - start) / 1_000_000, (read - start) / 1_000_000,
                (decodedAt - read) / 1_000_000, (end - decodedAt) / 1_000_000);
        return loaded;
    }

    /**
     * The entity a row holds, or {@code null} for a retired key's row, an entity of an account that no longer exists,
     * and other kinds: credential reports (read from the store when asked, {@link CredentialReports}) and kinds of
     * later versions (kept in the store, untouched).
     */
    private static Object decode(EntityCodec codec, GatehouseState accounts, EntityRow row) {
        if (accounts.account(row.accountId()) == null) {
            return null;
        }
        return switch (row.kind()) {
            case EntityCodec.USER -> codec.readUser(row.body());
            case EntityCodec.GROUP -> codec.readGroup(row.body());
            case EntityCodec.ROLE -> codec.readRole(row.body());
            case EntityCodec.POLICY -> codec.readPolicy(row.body());
            case EntityCodec.INSTANCE_PROFILE -> codec.readInstanceProfile(row.body());
            case EntityCodec.ROLE_DELETION -> codec.readRoleDeletion(row.body());
            case EntityCodec.ACCESS_KEY -> codec.readAccessKey(row.body());
            case EntityCodec.LOGIN_PROFILE -> codec.readLoginProfile(row.accountId(), row.body());
            case EntityCodec.MFA_DEVICE -> codec.readMfaDevice(row.accountId(), row.body());
            case EntityCodec.SSH_PUBLIC_KEY -> codec.readSshPublicKey(row.body());
            case EntityCodec.SIGNING_CERTIFICATE -> codec.readSigningCertificate(row.body());
            case EntityCodec.SERVICE_CREDENTIAL -> codec.readServiceCredential(row.body());
            case EntityCodec.SERVER_CERTIFICATE -> codec.readServerCertificate(row.body());
            case EntityCodec.OIDC_PROVIDER -> codec.readOidcProvider(row.body());
            case EntityCodec.SAML_PROVIDER -> codec.readSamlProvider(row.body());
            default -> null;
        };
    }
}
