package io.gatehouse.server.store;

import java.sql.SQLException;

/**
 * The database failed. The message names the operation, the SQL state and the first line of the driver's message,
 * never a body or a statement parameter; the cause is the driver's exception. The writer turns it into
 * {@link io.gatehouse.server.error.AwsError#SERVICE_FAILURE} for the command that met it; a read method throws it.
 */
public final class StoreException extends RuntimeException {

    private StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure of an operation ({@code "put entity"}) on a driver exception. */
    static StoreException of(String operation, SQLException cause) {
        return new StoreException(operation + " failed: " + describe(cause), cause);
    }

    /** The failure of an operation on something other than a driver exception (a migration, a pool). */
    static StoreException of(String operation, RuntimeException cause) {
        return new StoreException(operation + " failed: " + cause.getClass().getSimpleName(), cause);
    }

    /**
     * SQL state, vendor code and the first line of the message. Drivers put details such as a conflicting key on
     * later lines; the first names the problem.
     */
    static String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return "SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + ": "
                + (newline < 0 ? message : message.substring(0, newline));
    }
}
