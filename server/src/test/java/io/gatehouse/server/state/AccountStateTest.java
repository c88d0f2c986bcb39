package io.gatehouse.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived indexes follow the entities, and old states stay as they were. */
class AccountStateTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static User user(String name, List<String> groups, List<String> policies, String boundary) {
        return new User(name, "AIDA" + name, "/", T, boundary, List.of(), List.of(), policies, groups, null);
    }

    @Test
    void membershipsAttachmentsAndBoundariesAreIndexed() {
        AccountState state = AccountState.of(new Account("111122223333", T, List.of()))
                .withGroup(new Group("Admins", "AGPA1", "/", T, List.of(), List.of(ADMIN)))
                .withUser(user("Alice", List.of("Admins"), List.of(ADMIN), "arn:aws:iam::111122223333:policy/b"));
        assertThat(state.members("admins")).extracting(User::name).containsExactly("Alice");
        assertThat(state.attachedTo(ADMIN)).containsExactlyInAnyOrder("user/alice", "group/admins");
        assertThat(state.boundedBy("arn:aws:iam::111122223333:policy/b")).containsExactly("user/alice");

        AccountState moved = state.withUser(user("Alice", List.of(), List.of(), null));
        assertThat(moved.members("Admins")).isEmpty();
        assertThat(moved.attachedTo(ADMIN)).containsExactly("group/admins");
        assertThat(moved.boundedBy("arn:aws:iam::111122223333:policy/b")).isEmpty();
        assertThat(state.members("Admins")).as("the old state is unchanged").hasSize(1);
        assertThat(moved.version()).isGreaterThan(state.version());
    }

    @Test
    void namesAreCaseInsensitiveKeysAndListsAreInKeyOrder() {
        AccountState state = AccountState.of(new Account("111122223333", T, List.of()))
                .withUser(user("bob", List.of(), List.of(), null))
                .withUser(user("Alice", List.of(), List.of(), null))
                .withUser(user("carol", List.of(), List.of(), null));
        assertThat(state.user("ALICE").name()).isEqualTo("Alice");
        assertThat(state.users().values()).extracting(User::name).containsExactly("Alice", "bob", "carol");
        assertThat(state.withoutUser("BOB").users()).hasSize(2);
    }

    @Test
    void accessKeysAreIndexedByOwner() {
        AccountState state = AccountState.of(new Account("111122223333", T, List.of()))
                .withUser(user("alice", List.of(), List.of(), null))
                .withAccessKey(new AccessKey("AKIA1", "alice", "s", true, T, null))
                .withAccessKey(new AccessKey("AKIA2", null, "s", true, T, null));
        assertThat(state.accessKeysOf("alice")).extracting(AccessKey::id).containsExactly("AKIA1");
        assertThat(state.accessKeysOf(AccountState.ROOT_KEYS)).extracting(AccessKey::id).containsExactly("AKIA2");
        GatehouseState root = GatehouseState.EMPTY.with(state).withKey("AKIA1", "111122223333");
        assertThat(root.accessKey("AKIA1").userName()).isEqualTo("alice");
        GatehouseState after = root.with(state.withoutAccessKey("AKIA1")).withoutKey("AKIA1");
        assertThat(after.accessKey("AKIA1")).isNull();
        assertThat(after.retiredKeys()).contains("AKIA1");
    }

    @Test
    void theAliasIndexFollowsEachAccountsAliasesAndFreesThoseOfARemovedAccount() {
        AccountState first = AccountState.of(new Account("111122223333", T, List.of("shared")));
        AccountState second = AccountState.of(new Account("444455556666", T, List.of()));
        GatehouseState state = GatehouseState.EMPTY.with(first).with(second);
        assertThat(state.accountOfAlias("shared")).isEqualTo("111122223333");

        GatehouseState renamed = state.with(first.withAccount(first.account().withAliases(List.of("other"))));
        assertThat(renamed.accountOfAlias("shared")).as("the replaced alias is free").isNull();
        assertThat(renamed.accountOfAlias("other")).isEqualTo("111122223333");
        assertThat(state.accountOfAlias("shared")).as("the old state is unchanged").isEqualTo("111122223333");

        GatehouseState moved = renamed.with(second.withAccount(second.account().withAliases(List.of("shared"))));
        assertThat(moved.accountOfAlias("shared")).isEqualTo("444455556666");
        AccountState holder = moved.account("444455556666");
        assertThat(moved.with(holder.withUser(user("alice", List.of(), List.of(), null))).accountOfAlias("shared"))
                .as("changes to other entities keep the index").isEqualTo("444455556666");
        assertThat(moved.without("444455556666").accountOfAlias("shared")).isNull();
        assertThat(moved.without("444455556666").accountOfAlias("other")).isEqualTo("111122223333");
    }
}
