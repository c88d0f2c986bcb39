package io.gatehouse.server.state;

import io.gatehouse.server.store.EntityRow;
import io.gatehouse.server.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the in-memory state from the store at startup: accounts first, then every entity into its account.
 */
public final class StateLoader {

    private StateLoader() {}

    public static GatehouseState load(Store store, EntityCodec codec) {
        List<EntityRow> entities = new ArrayList<>();
        GatehouseState[] state = {GatehouseState.EMPTY};
        store.load(account -> state[0] = state[0].with(AccountState.of(codec.readAccount(account.body()))), entities::add);
        GatehouseState loaded = state[0];
        for (EntityRow row : entities) {
            if (row.kind().equals(EntityCodec.RETIRED_KEY)) {
                loaded = loaded.withRetiredKey(row.key());
                continue;
            }
            AccountState account = loaded.account(row.accountId());
            if (account == null) {
                continue; // an entity of an account that no longer exists
            }
            loaded = switch (row.kind()) {
                case EntityCodec.USER -> loaded.with(account.withUser(codec.readUser(row.body())));
                case EntityCodec.GROUP -> loaded.with(account.withGroup(codec.readGroup(row.body())));
                case EntityCodec.ROLE -> loaded.with(account.withRole(codec.readRole(row.body())));
                case EntityCodec.POLICY -> loaded.with(account.withPolicy(codec.readPolicy(row.body())));
                case EntityCodec.INSTANCE_PROFILE -> loaded.with(account.withInstanceProfile(codec.readInstanceProfile(row.body())));
                case EntityCodec.ROLE_DELETION -> loaded.with(account.withRoleDeletion(codec.readRoleDeletion(row.body())));
                case EntityCodec.ACCESS_KEY -> {
                    AccessKey key = codec.readAccessKey(row.body());
                    yield loaded.with(account.withAccessKey(key)).withKey(key.id(), row.accountId());
                }
                default -> loaded; // kinds of later versions are kept in the store, untouched
            };
        }
        return loaded;
    }
}
