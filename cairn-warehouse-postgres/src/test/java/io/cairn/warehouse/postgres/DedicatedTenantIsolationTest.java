package io.cairn.warehouse.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.IsolationReport;
import io.cairn.warehouse.postgres.tenancy.MaskedColumns;
import io.cairn.warehouse.postgres.tenancy.ReaderLogins;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Adversarial isolation in a hybrid deployment on a real PostgreSQL: shared tenant bravo in the shared schemas,
 * dedicated tenants acme and cyber in {@code acme_*} and {@code cyber_*}. Each tenant's reader reads its own rows
 * and nothing of the others': not the other dedicated tenant's schemas, not the shared schemas from a dedicated
 * tenant, not a dedicated tenant's schemas from a shared one, never a raw schema. Every attempt and its outcome is
 * listed on standard output.
 */
class DedicatedTenantIsolationTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId BRAVO = TenantId.of("bravo");
    private static final TenantId CYBER = TenantId.of("cyber");
    private static final List<String> ATTEMPTS = new ArrayList<>();

    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void buildHybridWarehouse() throws Exception {
        postgres = TestPostgres.start();
        url = TestPostgres.newDatabase(postgres, "dedicated");
        List<String> setup = new ArrayList<>(layoutTables("", "('bravo', 30.00), ('bravo', 40.00)"));
        setup.addAll(layoutTables("acme_", "('acme', 10.00), ('acme', 20.00), ('bravo', 999.99)"));
        setup.addAll(layoutTables("cyber_", "('cyber', 555.55)"));
        TestPostgres.execute(url, "postgres", setup.toArray(String[]::new));
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            // acme was shared before it moved: its reader joined the shared readers, which the dedicated run undoes.
            new RowLevelSecurity(IsolationLayout.DEFAULT).apply(admin, List.of(ACME, BRAVO));
            new RowLevelSecurity(IsolationLayout.DEFAULT).apply(admin, List.of(BRAVO),
                    new MaskedColumns(Map.of("marts.customers", Set.of("email"))));
            for (TenantId tenant : List.of(ACME, CYBER)) {
                new RowLevelSecurity(dedicated(tenant)).apply(admin, List.of(tenant), new MaskedColumns(
                        Map.of(tenant + "_marts.customers", Set.of("email"))));
                ReaderLogins.grant(admin, tenant, password(tenant), false, dedicated(tenant));
            }
            ReaderLogins.grant(admin, BRAVO, password(BRAVO), false, IsolationLayout.DEFAULT);
        }
    }

    /** A layout's raw, intermediate and marts tables, each with a tenant_id; {@code sales} are the mart's rows. */
    private static List<String> layoutTables(String prefix, String sales) {
        return List.of("CREATE SCHEMA " + prefix + "raw", "CREATE SCHEMA " + prefix + "intermediate",
                "CREATE SCHEMA " + prefix + "marts",
                "CREATE TABLE " + prefix + "raw.shopify__orders (tenant_id text NOT NULL, payload jsonb)",
                "INSERT INTO " + prefix + "raw.shopify__orders SELECT tenant_id, '{}' FROM (VALUES " + sales
                        + ") s(tenant_id, revenue)",
                "CREATE TABLE " + prefix + "intermediate.int_orders (tenant_id text NOT NULL, revenue numeric)",
                "INSERT INTO " + prefix + "intermediate.int_orders VALUES " + sales,
                "CREATE TABLE " + prefix + "marts.fct_sales (tenant_id text NOT NULL, revenue numeric NOT NULL)",
                "INSERT INTO " + prefix + "marts.fct_sales VALUES " + sales,
                "CREATE TABLE " + prefix + "marts.customers (tenant_id text NOT NULL, email text)",
                "INSERT INTO " + prefix + "marts.customers SELECT tenant_id, tenant_id || '@example.com' FROM "
                        + "(VALUES " + sales + ") s(tenant_id, revenue)");
    }

    /** What cairn-cli's TenantIsolationHook applies for a dedicated tenant. */
    private static IsolationLayout dedicated(TenantId tenant) {
        return IsolationLayout.DEFAULT.prefixed(tenant.value() + "_", TenantRoles.reader(tenant));
    }

    private static char[] password(TenantId tenant) {
        return (tenant + "-bi-secret").toCharArray();
    }

    @AfterAll
    static void listAttempts() {
        StringBuilder list = new StringBuilder("Hybrid isolation attempts (" + ATTEMPTS.size() + "):\n");
        ATTEMPTS.forEach(line -> list.append("  ").append(line).append('\n'));
        System.out.print(list);
        TestPostgres.stop(postgres);
    }

    @Test
    void eachReaderReadsItsOwnRowsInItsOwnLayout() throws Exception {
        assertThat(rows(ACME, "its dedicated marts", "SELECT tenant_id || ':' || revenue FROM acme_marts.fct_sales "
                + "ORDER BY 1")).as("the bravo row planted in acme_marts stays hidden")
                .containsExactly("acme:10.00", "acme:20.00");
        assertThat(rows(ACME, "its marts through the login's search_path", "SELECT count(*) FROM fct_sales"))
                .containsExactly("2");
        assertThat(rows(CYBER, "its dedicated marts", "SELECT tenant_id || ':' || revenue FROM cyber_marts.fct_sales"))
                .containsExactly("cyber:555.55");
        assertThat(rows(BRAVO, "the shared marts", "SELECT tenant_id || ':' || revenue FROM marts.fct_sales "
                + "ORDER BY 1")).containsExactly("bravo:30.00", "bravo:40.00");
        assertThat(rows(ACME, "its masking view", "SELECT email FROM acme_marts_masked.customers"))
                .hasSize(2).allSatisfy(email -> assertThat(email).startsWith("masked:"));
    }

    @Test
    void aDedicatedReaderCannotReachTheSharedSchemasOrAnotherDedicatedTenant() throws Exception {
        refused(ACME, "shared tenant bravo's marts", "SELECT * FROM marts.fct_sales");
        refused(ACME, "shared masking views", "SELECT * FROM marts_masked.customers");
        refused(ACME, "shared raw", "SELECT * FROM raw.shopify__orders");
        refused(ACME, "dedicated tenant cyber's marts", "SELECT * FROM cyber_marts.fct_sales");
        refused(ACME, "cyber's masking views", "SELECT * FROM cyber_marts_masked.customers");
        refused(ACME, "cyber's intermediate", "SELECT * FROM cyber_intermediate.int_orders");
        refused(ACME, "cyber's raw", "SELECT * FROM cyber_raw.shopify__orders");
        refused(ACME, "SET ROLE to cyber's reader", "SET ROLE cairn_reader_cyber");
        refused(ACME, "SET ROLE to the shared readers group", "SET ROLE cairn_readers");
        refused(CYBER, "dedicated tenant acme's marts", "SELECT * FROM acme_marts.fct_sales");
        refused(CYBER, "shared tenant bravo's marts", "SELECT * FROM marts.fct_sales");
    }

    @Test
    void aSharedReaderCannotReachADedicatedTenantsSchemas() throws Exception {
        refused(BRAVO, "acme's marts (holding a row keyed bravo)", "SELECT * FROM acme_marts.fct_sales");
        refused(BRAVO, "acme's masking views", "SELECT * FROM acme_marts_masked.customers");
        refused(BRAVO, "acme's intermediate", "SELECT * FROM acme_intermediate.int_orders");
        refused(BRAVO, "acme's raw", "SELECT * FROM acme_raw.shopify__orders");
        refused(BRAVO, "cyber's marts", "SELECT * FROM cyber_marts.fct_sales");
        refused(BRAVO, "SET ROLE to acme's reader", "SET ROLE cairn_reader_acme");
    }

    @Test
    void aDedicatedReaderCannotReadItsOwnRawOrChangeAnything() throws Exception {
        refused(ACME, "its own raw schema", "SELECT * FROM acme_raw.shopify__orders");
        refused(ACME, "its own intermediate schema", "SELECT * FROM acme_intermediate.int_orders");
        refused(ACME, "INSERT into its marts", "INSERT INTO acme_marts.fct_sales VALUES ('acme', 1)");
        refused(ACME, "UPDATE its marts", "UPDATE acme_marts.fct_sales SET revenue = 0");
        refused(ACME, "DELETE the planted row", "DELETE FROM acme_marts.fct_sales WHERE tenant_id = 'bravo'");
        refused(ACME, "DISABLE ROW LEVEL SECURITY", "ALTER TABLE acme_marts.fct_sales DISABLE ROW LEVEL SECURITY");
        refused(ACME, "CREATE VIEW in its marts", "CREATE VIEW acme_marts.everything AS SELECT * FROM "
                + "acme_marts.fct_sales");
        refused(ACME, "DROP POLICY", "DROP POLICY cairn_tenant_reader ON acme_marts.fct_sales");
        refused(ACME, "a PII column of its base table", "SELECT email FROM acme_marts.customers");
        assertThat(rows(ACME, "filter on bravo's id in its marts", "SELECT * FROM acme_marts.fct_sales "
                + "WHERE tenant_id = 'bravo'")).isEmpty();
    }

    @Test
    void everyDedicatedTableWithTenantIdHasForcedRowSecurityAndBothPolicies() throws Exception {
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            assertThat(TestPostgres.query(admin, "SELECT n.nspname || '.' || c.relname || ':' || c.relrowsecurity "
                    + "|| c.relforcerowsecurity || ':' || (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
                    + "AND n.nspname IN ('acme_raw', 'acme_intermediate', 'acme_marts') ORDER BY 1"))
                    .containsExactly("acme_intermediate.int_orders:truetrue:2", "acme_marts.customers:truetrue:2",
                            "acme_marts.fct_sales:truetrue:2", "acme_raw.shopify__orders:truetrue:2");
            assertThat(TestPostgres.query(admin, "SELECT pg_has_role('cairn_reader_acme', 'cairn_readers', "
                    + "'MEMBER')::text")).as("acme's reader left the shared readers when it became dedicated")
                    .containsExactly("false");
            assertThat(dedicated(ACME)).isEqualTo(new IsolationLayout("acme_raw", List.of("acme_staging",
                    "acme_intermediate", "acme_marts"), List.of("acme_marts"), "cairn_reader_acme"));
            IsolationReport rerun = new RowLevelSecurity(dedicated(ACME)).apply(admin, List.of(ACME),
                    new MaskedColumns(Map.of("acme_marts.customers", Set.of("email"))));
            assertThat(rerun.changedAnything()).as("rerun: %s", rerun).isFalse();
        }
    }

    private static List<String> rows(TenantId tenant, String attempt, String sql) throws SQLException {
        try (Connection connection = login(tenant)) {
            List<String> rows = TestPostgres.query(connection, sql);
            assertThat(String.join(" ", rows)).as("%s as %s", attempt, tenant).doesNotContain("999.99");
            ATTEMPTS.add(String.format(Locale.ROOT, "%-6s %-55s returned %d rows, all its own", tenant, attempt,
                    rows.size()));
            return rows;
        }
    }

    private static void refused(TenantId tenant, String attempt, String sql) throws SQLException {
        try (Connection connection = login(tenant)) {
            TestPostgres.query(connection, sql);
        }
        catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().equals("42501")) {
                throw e;
            }
            ATTEMPTS.add(String.format(Locale.ROOT, "%-6s %-55s refused: %s %s", tenant, attempt, e.getSQLState(),
                    e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        fail("Attempt '%s' as %s was not refused", attempt, TenantRoles.reader(tenant));
    }

    private static Connection login(TenantId tenant) throws SQLException {
        return DriverManager.getConnection(url, TenantRoles.reader(tenant), new String(password(tenant)));
    }
}
