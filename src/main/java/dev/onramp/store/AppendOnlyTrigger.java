package dev.onramp.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The H2 trigger that makes the database itself refuse every UPDATE and DELETE of an audit entry. */
public final class AppendOnlyTrigger implements Trigger {
    /** SQLSTATE class 45: an exception raised on purpose by the database's own rules. */
    static final String SQL_STATE = "45000";

    @Override
    public void fire(Connection jdbc, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("Onramp's audit log is append-only: its entries cannot be changed or deleted.",
                SQL_STATE);
    }
}
