package io.cairn.models;

import java.sql.SQLException;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.warehouse.postgres.PostgresWarehouse;

/** PostgreSQL warehouses for the model tests, each on a new database of cairn-core's shared test server. */
final class TestPostgres {
    private TestPostgres() {}

    /** A PostgreSQL warehouse on a new, empty database named {@code <prefix>_<n>}. */
    static PostgresWarehouse newWarehouse(String prefix) {
        ControlPlaneSettings database;
        try {
            database = io.cairn.core.TestPostgres.newDatabase(prefix);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database " + prefix + ": " + e.getMessage(), e);
        }
        return PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(database.url(), database.user(), null,
                null, 4));
    }
}
