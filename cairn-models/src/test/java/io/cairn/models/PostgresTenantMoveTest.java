package io.cairn.models;

import java.nio.file.Path;
import java.util.List;

/** {@link TenantMoveTest} on an embedded PostgreSQL warehouse: shared to dedicated and back, and a crashed move. */
class PostgresTenantMoveTest extends TenantMoveTest {
    @Override
    TenancyFixture fixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        return new TenancyFixture(new ModelsFixture(dir, TestPostgres.newWarehouse("move")), tenants, days,
                dedicated);
    }
}
