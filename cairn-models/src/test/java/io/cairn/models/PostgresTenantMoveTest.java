package io.cairn.models;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.tenancy.TableRef;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.core.tenancy.TenantMove;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TenantMoveTest} on an embedded PostgreSQL warehouse: shared to dedicated and back, and a crashed move. */
class PostgresTenantMoveTest extends TenantMoveTest {
    @Override
    TenancyFixture fixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        return new TenancyFixture(new ModelsFixture(dir, TestPostgres.newWarehouse("move")), tenants, days,
                dedicated);
    }

    @Test
    void theMoveItselfLeavesTheNewLayoutReadableByTheTenantsReaderAlone(@TempDir Path dir) throws SQLException {
        try (TenancyFixture fixture = fixture(dir, 2, 6, List.of())) {
            fixture.buildAll(fixture.builder);
            String moved = fixture.tenant(0);
            String other = fixture.tenant(1);
            TenantId tenant = TenantId.of(moved);
            fixture.models.warehouse.tenantScope().publish(List.of(tenant, TenantId.of(other)));
            TenantLayout dedicated = TenantLayout.of(tenant, Tenancy.DEDICATED);
            Map<String, Long> ownRows = tenantRows(fixture, moved, "marts");
            assertThat(countsAs(fixture, reader(moved), "marts")).as("before the move").isEqualTo(ownRows);
            TenantMove move = new TenantMove(fixture.models.controlPlane, fixture.models.warehouse, fixture.builder);

            move.move(tenant, Tenancy.DEDICATED, "test");

            assertThat(countsAs(fixture, reader(moved), dedicated.martsSchema()))
                    .as("%s's reader reads its marts in the new layout right after the move", moved)
                    .isEqualTo(ownRows);
            assertThat(unsecuredTables(fixture)).as("tables with tenant_id without forced RLS and both policies")
                    .isEmpty();
            for (TableRef mart : fixture.tables.inSchema(dedicated.martsSchema())) {
                assertThatThrownBy(() -> count(fixture, reader(other), mart))
                        .as("%s's reader on %s", other, mart).hasMessageContaining("permission denied");
            }
            for (TableRef mart : fixture.tables.inSchema("marts")) {
                assertThatThrownBy(() -> count(fixture, reader(moved), mart))
                        .as("%s's reader on the old layout's %s", moved, mart)
                        .hasMessageContaining("permission denied");
            }

            move.move(tenant, Tenancy.SHARED, "test");

            assertThat(countsAs(fixture, reader(moved), "marts")).as("%s's reader after moving back", moved)
                    .isEqualTo(ownRows);
            assertThat(countsAs(fixture, reader(other), "marts").values()).as("%s's rows seen by %s's reader",
                    moved, other).isNotEmpty();
            assertThat(rowsOfAs(fixture, reader(other), moved, "marts")).as("%s's rows seen by %s's reader", moved,
                    other).isZero();
            assertThat(fixture.schemas(List.of(dedicated.martsSchema(), dedicated.martsSchema() + "_masked")))
                    .as("the dedicated layout and its masking schema are gone").isEmpty();
            assertThat(unsecuredTables(fixture)).isEmpty();
        }
    }

    private static String reader(String tenant) {
        return "cairn_reader_" + tenant;
    }

    /** The tenant's rows per mart of a schema, counted by the table owner. */
    private static Map<String, Long> tenantRows(TenancyFixture fixture, String tenant, String schema) {
        Map<String, Long> rows = new TreeMap<>();
        fixture.tables.count(fixture.tables.inSchema(schema), TenantId.of(tenant))
                .forEach((table, n) -> rows.put(table.name(), n));
        return rows;
    }

    /** Rows per mart of a schema that {@code role} can see. */
    private static Map<String, Long> countsAs(TenancyFixture fixture, String role, String schema) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (TableRef mart : fixture.tables.inSchema(schema)) {
            rows.put(mart.name(), count(fixture, role, mart));
        }
        return rows;
    }

    /** Rows of {@code tenant} over every mart of a schema that {@code role} can see. */
    private static long rowsOfAs(TenancyFixture fixture, String role, String tenant, String schema)
            throws SQLException {
        long total = 0;
        for (TableRef mart : fixture.tables.inSchema(schema)) {
            total += queryLong(fixture, role, "SELECT count(*) FROM " + sql(fixture, mart) + " WHERE tenant_id = '"
                    + tenant + "'");
        }
        return total;
    }

    private static long count(TenancyFixture fixture, String role, TableRef table) throws SQLException {
        return queryLong(fixture, role, "SELECT count(*) FROM " + sql(fixture, table));
    }

    private static String sql(TenancyFixture fixture, TableRef table) {
        return table.sql(fixture.models.warehouse.dialect());
    }

    private static long queryLong(TenancyFixture fixture, String role, String query) throws SQLException {
        try (Connection connection = fixture.models.warehouse.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + role);
            try (ResultSet rows = statement.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
            finally {
                statement.execute("RESET ROLE");
            }
        }
    }

    /**
     * Tables with a tenant_id column in a layout's secured schemas (raw and model layers, shared or dedicated)
     * lacking forced row-level security or one of Cairn's two policies.
     */
    static List<String> unsecuredTables(TenancyFixture fixture) {
        return fixture.models.rows(UNSECURED).stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    static final String UNSECURED = "SELECT n.nspname || '.' || c.relname FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') "
            + "AND n.nspname ~ '^([a-z][a-z0-9_]*_)?(raw|staging|intermediate|marts|ops)$' "
            + "AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' "
            + "AND NOT a.attisdropped) "
            + "AND NOT (c.relrowsecurity AND c.relforcerowsecurity "
            + "AND (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid "
            + "AND p.polname IN ('cairn_pipeline', 'cairn_tenant_reader')) = 2) ORDER BY 1";
}
