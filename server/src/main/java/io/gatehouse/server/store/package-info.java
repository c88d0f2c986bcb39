/**
 * The durable record of Gatehouse. The server holds the whole IAM state in memory and serves reads and
 * authorization from there; this package keeps what must survive a crash, in SQLite (default, one file) or
 * PostgreSQL (several nodes), chosen by the JDBC URL.
 *
 * <ul>
 *   <li>{@link io.gatehouse.server.store.Store} opens a database, migrates its schema and reads rows back: the
 *       whole state at startup, the change log for followers, single rows, audit events.</li>
 *   <li>{@link io.gatehouse.server.store.Writer} is the only way to change anything. It runs
 *       {@link io.gatehouse.server.store.WriteCommand}s on one thread, many per database transaction (group
 *       commit), each isolated by its own savepoint, and completes a command's future only once its transaction
 *       is durable and its after-commit actions ran.</li>
 *   <li>Rows are generic: an entity is {@code (account, kind, key) → JSON body} with a version; the store never
 *       looks inside a body.</li>
 * </ul>
 */
package io.gatehouse.server.store;
