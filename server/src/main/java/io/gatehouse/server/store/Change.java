package io.gatehouse.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the change log: the entity {@code (accountId, kind, key)} was put or deleted in the transaction that
 * wrote this entry. A follower applies a change by reading the row's current state ({@link Store#entity}), so it
 * converges even when it reads a change late.
 *
 * <p>A put of an account is logged with kind {@link #ACCOUNT_KIND} and an empty key.
 *
 * @param seq the global change sequence number; increases in commit order, may have gaps
 * @param accountId the account of the changed entity
 * @param kind the kind of the changed entity, or {@link #ACCOUNT_KIND}
 * @param key the key of the changed entity, empty for an account
 * @param op whether the entity was put or deleted
 * @param at when the change was made
 */
public record Change(long seq, String accountId, String kind, String key, Op op, Instant at) {

    /** The kind under which account puts are logged; entity kinds may not start with {@code @}. */
    public static final String ACCOUNT_KIND = "@account";

    /** What happened to the entity. */
    public enum Op {
        PUT("put"),
        DELETE("delete");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        /** The value of the {@code op} column. */
        String text() {
            return text;
        }

        static Op ofText(String text) {
            return switch (text) {
                case "put" -> PUT;
                case "delete" -> DELETE;
                default -> throw new IllegalArgumentException("unknown change op: " + text);
            };
        }
    }

    public Change {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this change is about the account itself rather than one of its entities. */
    public boolean isAccount() {
        return ACCOUNT_KIND.equals(kind);
    }
}
