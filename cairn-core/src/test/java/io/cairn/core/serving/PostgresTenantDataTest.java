package io.cairn.core.serving;

import java.nio.file.Path;

import io.cairn.core.TestPostgres;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.postgres.PostgresWarehouse;

/**
 * {@link TenantData} on a real (embedded) PostgreSQL: tenant reads go through the tenant's serving login and reader
 * role under row-level security; the fixture's tables are created by the superuser, which owns them.
 */
class PostgresTenantDataTest extends TenantDataContract {
    @Override
    Warehouse openWarehouse(Path dir) throws Exception {
        String url = TestPostgres.newDatabase("serving").url();
        return PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(url, "postgres", null, null, 2));
    }

    @Override
    String endlessQuery() {
        return "SELECT pg_sleep(600)";
    }
}
