package io.cairn.core.orchestrate;

import java.sql.SQLException;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

/** The pipeline run history on a real PostgreSQL, one database per test on the shared test server. */
class PostgresPipelineRunStoreTest extends PipelineRunStoreContractTest {
    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        return TestPostgres.newDatabase("pipeline_runs");
    }
}
