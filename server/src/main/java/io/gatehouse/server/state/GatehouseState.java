package io.gatehouse.server.state;

import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * The whole state of the server: every account, and the index from access key id to its account. Immutable: the
 * writer derives a new state per change and publishes it after the change is durable, so a reader always sees one
 * consistent, committed state.
 *
 * @param accounts    accounts by id
 * @param keyAccounts access key id to the account that holds it
 * @param retiredKeys ids of access keys that existed and were deleted: they stay refused, never mistaken for an
 *                    unknown key (which {@code --dev} mode would accept)
 * @param aliases     account alias to the account that holds it: an alias is unique across every account, as AWS
 *                    keeps it unique across its partition
 */
public record GatehouseState(PMap<String, AccountState> accounts, PMap<String, String> keyAccounts,
                             PSet<String> retiredKeys, PMap<String, String> aliases) {

    public static final GatehouseState EMPTY = new GatehouseState(HashTreePMap.empty(), HashTreePMap.empty(),
            HashTreePSet.empty(), HashTreePMap.empty());

    public AccountState account(String accountId) {
        return accounts.get(accountId);
    }

    /** The access key with this id, or {@code null}. */
    public AccessKey accessKey(String id) {
        String accountId = keyAccounts.get(id);
        return accountId == null ? null : accounts.get(accountId).accessKeys().get(id);
    }

    /** The account that holds an access key, or {@code null}. */
    public String accountOfKey(String id) {
        return keyAccounts.get(id);
    }

    /** The account that holds an alias, or {@code null}. */
    public String accountOfAlias(String alias) {
        return aliases.get(alias);
    }

    /**
     * The account whose root user signs in with this email address (compared without regard to case), or
     * {@code null}. Accounts are few and sign-ins cost an Argon2id hash each, so a scan is cheap enough and keeps no
     * index in step.
     */
    public AccountState accountOfRootEmail(String email) {
        for (AccountState account : accounts.values()) {
            Account.RootLogin login = account.account().rootLogin();
            if (login != null && login.hasEmail(email)) {
                return account;
            }
        }
        return null;
    }

    /**
     * This state with an account replaced; the alias index follows the account's aliases. The access key index is
     * kept by {@link #withKey}/{@link #withoutKey}.
     */
    public GatehouseState with(AccountState account) {
        AccountState old = accounts.get(account.accountId());
        PMap<String, String> index = aliases;
        if (old == null || old.account() != account.account()) {
            index = unindexed(index, old);
            for (String alias : account.account().aliases()) {
                index = index.plus(alias, account.accountId());
            }
        }
        return new GatehouseState(accounts.plus(account.accountId(), account), keyAccounts, retiredKeys, index);
    }

    /** This state without an account (its keys must already be unindexed); its aliases become free. */
    public GatehouseState without(String accountId) {
        return new GatehouseState(accounts.minus(accountId), keyAccounts, retiredKeys,
                unindexed(aliases, accounts.get(accountId)));
    }

    /** This state with an access key id indexed to its account. */
    public GatehouseState withKey(String id, String accountId) {
        return new GatehouseState(accounts, keyAccounts.plus(id, accountId), retiredKeys, aliases);
    }

    /** This state with an access key id removed from the index and remembered as retired. */
    public GatehouseState withoutKey(String id) {
        return new GatehouseState(accounts, keyAccounts.minus(id), retiredKeys.plus(id), aliases);
    }

    /** This state with a key id remembered as retired (loaded from the store at startup). */
    public GatehouseState withRetiredKey(String id) {
        return new GatehouseState(accounts, keyAccounts, retiredKeys.plus(id), aliases);
    }

    /** The alias index without the aliases {@code account} holds (only where they point at it). */
    private static PMap<String, String> unindexed(PMap<String, String> index, AccountState account) {
        if (account == null) {
            return index;
        }
        for (String alias : account.account().aliases()) {
            if (account.accountId().equals(index.get(alias))) {
                index = index.minus(alias);
            }
        }
        return index;
    }
}
