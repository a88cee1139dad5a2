package io.cairn.core.controlplane;

import java.sql.SQLException;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

/** The model-result store on a real PostgreSQL, one database per test on the shared test server. */
class PostgresModelResultStoreTest extends ModelResultStoreContractTest {
    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        return TestPostgres.newDatabase("results");
    }
}
