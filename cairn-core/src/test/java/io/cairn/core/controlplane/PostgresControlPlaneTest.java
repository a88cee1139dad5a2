package io.cairn.core.controlplane;

import java.sql.SQLException;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

/** The control-plane contract on a real PostgreSQL, one database per test on the shared test server. */
class PostgresControlPlaneTest extends ControlPlaneContractTest {
    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        return TestPostgres.newDatabase("control");
    }
}
