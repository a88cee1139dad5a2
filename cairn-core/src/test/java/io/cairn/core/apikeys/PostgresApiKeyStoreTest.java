package io.cairn.core.apikeys;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

import java.sql.SQLException;

/** The API key store on a real PostgreSQL (the V8 migration included). */
class PostgresApiKeyStoreTest extends ApiKeyStoreContractTest {
    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        return TestPostgres.newDatabase("apikeys");
    }
}
