package io.cairn.core.schedule;

import java.sql.SQLException;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

/** Schedules on a real PostgreSQL (two schedulers share it), one database per test on the shared test server. */
class PostgresSchedulerTest extends SchedulerContractTest {
    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        return TestPostgres.newDatabase("schedules");
    }
}
