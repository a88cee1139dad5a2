package io.cairn.models;

import java.nio.file.Path;
import java.util.List;

/** {@link HybridTenancyTest} on an embedded PostgreSQL warehouse: shared and dedicated tenants in one database. */
class PostgresHybridTenancyTest extends HybridTenancyTest {
    @Override
    TenancyFixture fixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        return new TenancyFixture(new ModelsFixture(dir, TestPostgres.newWarehouse("hybrid")), tenants, days,
                dedicated);
    }
}
