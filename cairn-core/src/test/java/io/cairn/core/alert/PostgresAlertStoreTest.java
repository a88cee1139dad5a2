package io.cairn.core.alert;

import java.sql.SQLException;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

/** Alert state on a real PostgreSQL, one database per test on the shared test server. */
class PostgresAlertStoreTest extends AlertStoreContractTest {
    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        return TestPostgres.newDatabase("alerts");
    }
}
