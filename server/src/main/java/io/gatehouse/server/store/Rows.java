package io.gatehouse.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Turns result rows into records; column order as in the {@link Sql} column lists. */
final class Rows {

    private Rows() {
    }

    static EntityRow entity(ResultSet row) throws SQLException {
        return new EntityRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                Instant.ofEpochMilli(row.getLong(6)));
    }

    static AccountRow account(ResultSet row) throws SQLException {
        return new AccountRow(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3));
    }

    static Change change(ResultSet row) throws SQLException {
        return new Change(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                Change.Op.ofText(row.getString(5)), Instant.ofEpochMilli(row.getLong(6)));
    }

    static AuditRow audit(ResultSet row) throws SQLException {
        return new AuditRow(row.getLong(1), new AuditEvent(row.getString(2), row.getString(3),
                Instant.ofEpochMilli(row.getLong(4)), row.getString(5), row.getString(6)));
    }
}
