package io.cairn.core.schedule;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work on a connection of the schedule tables' data source; every {@link SQLException} leaves as a
 * {@link CairnException}. Statements go through {@link io.cairn.core.controlplane.Sql}.
 */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T call(DataSource dataSource, String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new CairnException(ErrorCode.CONTROL_PLANE, e, "Cannot %s: %s", action, e.getMessage());
        }
    }
}
