package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The one statement helper of this package: DDL and grants run as plain statements. */
final class Sql {
    private Sql() {}

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
