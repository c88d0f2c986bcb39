package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreTest extends StoreTestBase {

    private static final String ACCOUNT = "123456789012";

    @Test
    void putReadsBackWithVersionsCountingUp() {
        assertThat(put(ACCOUNT, "user", "alice", "{\"n\":1}")).isEqualTo(1);
        assertThat(put(ACCOUNT, "user", "alice", "{\"n\":2}")).isEqualTo(2);

        EntityRow row = store.entity(ACCOUNT, "user", "alice").orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.body()).isEqualTo("{\"n\":2}");
        assertThat(row.updatedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(store.entity(ACCOUNT, "user", "bob")).isEmpty();
        assertThat(store.entity(ACCOUNT, "role", "alice")).isEmpty();
        assertThat(store.entity("210987654321", "user", "alice")).isEmpty();
    }

    @Test
    void deleteRemovesAndSaysWhetherTheEntityExisted() {
        put(ACCOUNT, "user", "alice", "{}");

        assertThat(delete(ACCOUNT, "user", "alice")).isTrue();
        assertThat(delete(ACCOUNT, "user", "alice")).isFalse();
        assertThat(store.entity(ACCOUNT, "user", "alice")).isEmpty();
        assertThat(put(ACCOUNT, "user", "alice", "{}")).as("version starts over").isEqualTo(1);
    }

    @Test
    void everyPutAndDeleteIsLoggedInCommitOrder() {
        run(tx -> tx.putAccount(ACCOUNT, "{}"));
        write(tx -> {
            tx.put(ACCOUNT, "user", "alice", "{}");
            tx.put(ACCOUNT, "group", "admins", "{}");
            return null;
        });
        delete(ACCOUNT, "user", "alice");
        delete(ACCOUNT, "user", "nobody");

        List<Change> changes = store.changesSince(0, 100);
        assertThat(changes).extracting(Change::accountId, Change::kind, Change::key, Change::op).containsExactly(
                tuple(ACCOUNT, Change.ACCOUNT_KIND, "", Change.Op.PUT),
                tuple(ACCOUNT, "user", "alice", Change.Op.PUT),
                tuple(ACCOUNT, "group", "admins", Change.Op.PUT),
                tuple(ACCOUNT, "user", "alice", Change.Op.DELETE));
        assertThat(changes.getFirst().isAccount()).isTrue();
        assertThat(changes).extracting(Change::seq).isSorted().doesNotHaveDuplicates();
        assertThat(store.latestSeq()).isEqualTo(changes.getLast().seq());

        assertThat(store.changesSince(changes.get(1).seq(), 2)).containsExactly(changes.get(2), changes.get(3));
        assertThat(store.changesSince(store.latestSeq(), 100)).isEmpty();
    }

    @Test
    void latestSeqIsZeroBeforeTheFirstChange() {
        assertThat(store.latestSeq()).isZero();
        assertThat(store.changesSince(0, 10)).isEmpty();
    }

    @Test
    void accountsKeepTheirCreationTimeWhenReplaced() throws InterruptedException {
        run(tx -> tx.putAccount(ACCOUNT, "{\"alias\":null}"));
        AccountRow created = store.account(ACCOUNT).orElseThrow();
        Thread.sleep(5);
        run(tx -> tx.putAccount(ACCOUNT, "{\"alias\":\"acme\"}"));

        AccountRow replaced = store.account(ACCOUNT).orElseThrow();
        assertThat(replaced.body()).isEqualTo("{\"alias\":\"acme\"}");
        assertThat(replaced.createdAt()).isEqualTo(created.createdAt());
        assertThat(store.account("210987654321")).isEmpty();
    }

    @Test
    void loadStreamsEverythingWithTheSequenceItReflects() {
        write(tx -> {
            tx.putAccount(ACCOUNT, "{\"a\":1}");
            tx.putAccount("210987654321", "{\"a\":2}");
            for (int i = 0; i < 2_500; i++) {
                tx.put(i % 2 == 0 ? ACCOUNT : "210987654321", i % 3 == 0 ? "role" : "user", "e" + i, "{\"i\":" + i + "}");
            }
            return null;
        });
        delete(ACCOUNT, "role", "e0");

        List<AccountRow> accounts = new ArrayList<>();
        List<EntityRow> entities = new ArrayList<>();
        long seq = store.load(accounts::add, entities::add);

        assertThat(seq).isEqualTo(store.latestSeq());
        assertThat(accounts).extracting(AccountRow::accountId).containsExactlyInAnyOrder(ACCOUNT, "210987654321");
        assertThat(entities).hasSize(2_499);
        assertThat(entities).filteredOn(e -> e.key().equals("e7")).singleElement()
                .satisfies(e -> {
                    assertThat(e.accountId()).isEqualTo("210987654321");
                    assertThat(e.kind()).isEqualTo("user");
                    assertThat(e.body()).isEqualTo("{\"i\":7}");
                    assertThat(e.version()).isEqualTo(1);
                });
    }

    @Test
    void auditEventsAreQueriedByTimeAndAccountNewestFirst() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        write(tx -> {
            for (int i = 0; i < 10; i++) {
                tx.audit(new AuditEvent("ev-" + i, i % 2 == 0 ? ACCOUNT : "210987654321", t0.plusSeconds(i),
                        "CreateUser", "{\"i\":" + i + "}"));
            }
            return null;
        });

        List<AuditRow> all = store.audit(AuditQuery.between(t0, t0.plusSeconds(10)));
        assertThat(all).extracting(r -> r.event().eventId())
                .containsExactly("ev-9", "ev-8", "ev-7", "ev-6", "ev-5", "ev-4", "ev-3", "ev-2", "ev-1", "ev-0");
        assertThat(all.getLast().event()).isEqualTo(new AuditEvent("ev-0", ACCOUNT, t0, "CreateUser", "{\"i\":0}"));

        List<AuditRow> window = store.audit(AuditQuery.between(t0.plusSeconds(2), t0.plusSeconds(6)).forAccount(ACCOUNT));
        assertThat(window).extracting(r -> r.event().eventId()).containsExactly("ev-4", "ev-2");

        AuditQuery pages = AuditQuery.between(t0, t0.plusSeconds(10)).limit(4);
        List<AuditRow> first = store.audit(pages);
        List<AuditRow> second = store.audit(pages.before(first.getLast().seq()));
        List<AuditRow> third = store.audit(pages.before(second.getLast().seq()));
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(4);
        assertThat(third).extracting(r -> r.event().eventId()).containsExactly("ev-1", "ev-0");
    }

    @Test
    void metaHoldsNamedValues() {
        assertThat(store.meta("master-key-id")).isEmpty();
        run(tx -> tx.putMeta("master-key-id", "k1"));
        run(tx -> tx.putMeta("master-key-id", "k2"));
        assertThat(store.meta("master-key-id")).contains("k2");
        assertThat(store.changesSince(0, 10)).as("settings are not entities").isEmpty();
    }

    @Test
    void aTransactionReadsItsOwnAndEarlierWrites() {
        put(ACCOUNT, "user", "alice", "{\"v\":1}");
        String seen = write(tx -> {
            String before = tx.entity(ACCOUNT, "user", "alice").orElseThrow().body();
            tx.put(ACCOUNT, "user", "alice", "{\"v\":2}");
            tx.putAccount(ACCOUNT, "{}");
            tx.putMeta("x", "y");
            return before + " " + tx.entity(ACCOUNT, "user", "alice").orElseThrow().body()
                    + " " + tx.account(ACCOUNT).orElseThrow().body() + " " + tx.meta("x").orElseThrow();
        });
        assertThat(seen).isEqualTo("{\"v\":1} {\"v\":2} {} y");
    }

    @Test
    void kindsStartingWithAtAreReservedForTheStore() {
        assertThat(submit(tx -> tx.put(ACCOUNT, Change.ACCOUNT_KIND, "x", "{}")))
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);
        assertThat(store.changesSince(0, 10)).isEmpty();
    }

    @Test
    void storeSurvivesReopening() {
        put(ACCOUNT, "user", "alice", "{}");
        store.close();
        store = Store.open(database.options());
        assertThat(store.entity(ACCOUNT, "user", "alice")).isPresent();
        assertThat(put(ACCOUNT, "user", "alice", "{}")).isEqualTo(2);
    }

    @Test
    void unknownDatabaseUrlsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Store.open(StoreOptions.of("jdbc:mysql://x/y")));
    }
}
