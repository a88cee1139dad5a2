package io.cairn.warehouse.postgres;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.StreamContract;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.IsolationReport;
import io.cairn.warehouse.postgres.tenancy.MaskedColumns;
import io.cairn.warehouse.postgres.tenancy.ReaderLogins;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Adversarial tenant isolation on a real PostgreSQL: as tenant acme's reader, every way we know to see, infer or
 * change tenant globex's rows, bypass the policies or reach raw data and server files. Every attempt must be refused
 * or return nothing of globex's; each attempt and its outcome is listed on standard output.
 */
class TenantIsolationTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    /** Values only globex's rows hold; none may appear in anything acme's reader gets back. */
    private static final List<String> GLOBEX_MARKERS = List.of("globex", "777.77", "888.88", "ceo@globex.example");
    /** acme's own PII in marts.customer_360: acme's reader has no PII access, so it must never see these either. */
    private static final List<String> ACME_PII = List.of("vip@acme.example", "555-0100", "1980-05-17");
    private static final TenantId INITECH = TenantId.of("initech");
    private static final MaskedColumns PII = new MaskedColumns(
            Map.of("marts.customer_360", Set.of("email", "phone", "birth_date")));
    private static final String PASSWORD = "acme-bi-secret";
    private static final List<String> ATTEMPTS = new ArrayList<>();

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;
    private static String url;
    private static RowLevelSecurity security;
    private static String lastSeen = "";

    @BeforeAll
    static void buildSharedWarehouse() throws Exception {
        postgres = TestPostgres.start();
        url = TestPostgres.newDatabase(postgres, "isolation");
        try (PostgresWarehouse warehouse = TestPostgres.open(url)) {
            landOrders(warehouse, ACME, "{\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\",\"total\":\"10.00\"}");
            landOrders(warehouse, GLOBEX, "{\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\",\"total\":\"777.77\"}");
        }
        TestPostgres.execute(url, "postgres",
                "CREATE SCHEMA marts", "CREATE SCHEMA intermediate",
                "CREATE TABLE marts.fct_sales (tenant_id text NOT NULL, day date NOT NULL, revenue numeric NOT NULL)",
                "INSERT INTO marts.fct_sales VALUES ('acme', '2024-01-01', 10.00), ('acme', '2024-01-02', 20.00), "
                        + "('acme', '2024-01-03', 30.00), ('globex', '2024-01-01', 777.77), "
                        + "('globex', '2024-01-02', 888.88)",
                "CREATE TABLE marts.dim_customers (tenant_id text NOT NULL, email text NOT NULL)",
                "INSERT INTO marts.dim_customers VALUES ('acme', 'buyer@acme.example'), "
                        + "('globex', 'ceo@globex.example')",
                "CREATE VIEW marts.v_sales AS SELECT tenant_id, sum(revenue) AS revenue FROM marts.fct_sales "
                        + "GROUP BY tenant_id",
                "CREATE MATERIALIZED VIEW marts.mv_sales AS SELECT * FROM marts.fct_sales",
                "CREATE TABLE marts.currency_rates (code text, rate numeric)",
                "INSERT INTO marts.currency_rates VALUES ('USD', 1)",
                "GRANT SELECT ON marts.currency_rates, marts.v_sales, marts.mv_sales TO PUBLIC",
                "CREATE TABLE intermediate.int_orders AS SELECT tenant_id, day FROM marts.fct_sales",
                "CREATE TABLE marts.customer_360 (tenant_id text NOT NULL, person_key text NOT NULL, email text, "
                        + "phone varchar(32), birth_date date, orders int NOT NULL)",
                "INSERT INTO marts.customer_360 VALUES ('acme', 'p1', 'vip@acme.example', '+1-555-0100', "
                        + "'1980-05-17', 4), ('acme', 'p2', NULL, NULL, NULL, 1), "
                        + "('globex', 'g1', 'ceo@globex.example', '+1-555-0777', '1970-01-01', 9)",
                "ANALYZE marts.fct_sales", "ANALYZE marts.customer_360");
        security = new RowLevelSecurity(IsolationLayout.DEFAULT);
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            security.apply(admin, List.of(ACME, GLOBEX, INITECH), PII);
            ReaderLogins.grant(admin, ACME, PASSWORD.toCharArray());
            ReaderLogins.grant(admin, GLOBEX, "globex-bi-secret".toCharArray(), true, IsolationLayout.DEFAULT);
        }
    }

    @AfterAll
    static void listAttempts() {
        StringBuilder list = new StringBuilder("Isolation attempts as " + TenantRoles.reader(ACME) + " ("
                + ATTEMPTS.size() + "):\n");
        ATTEMPTS.forEach(line -> list.append("  ").append(line).append('\n'));
        System.out.print(list);
        TestPostgres.stop(postgres);
    }

    @Test
    void readingCountingAndAggregatingShowOnlyOwnRows() throws Exception {
        assertThat(own("read every row", "SELECT tenant_id, day, revenue FROM marts.fct_sales")).hasSize(3);
        assertThat(own("filter on the other tenant's id",
                "SELECT * FROM marts.fct_sales WHERE tenant_id = 'globex'")).isEmpty();
        assertThat(own("OR true in the filter", "SELECT * FROM marts.fct_sales WHERE tenant_id = 'globex' OR true"))
                .hasSize(3);
        assertThat(own("count", "SELECT count(*) FROM marts.fct_sales")).containsExactly("3");
        assertThat(own("aggregate by tenant", "SELECT tenant_id || '=' || sum(revenue) FROM marts.fct_sales "
                + "GROUP BY tenant_id")).containsExactly("acme=60.00");
        assertThat(own("max over all rows", "SELECT max(revenue) FROM marts.fct_sales")).containsExactly("30.00");
        assertThat(own("second table", "SELECT email FROM marts.dim_customers")).containsExactly("buyer@acme.example");
        assertThat(copied("COPY marts.fct_sales TO STDOUT")).hasSize(3);
    }

    @Test
    void sideChannelsRevealNothing() throws Exception {
        own("division by zero only on the other tenant's rows",
                "SELECT 1 / (CASE WHEN tenant_id = 'globex' THEN 0 ELSE 1 END) FROM marts.fct_sales");
        own("division by zero keyed on the other tenant's value",
                "SELECT count(*) FROM marts.fct_sales WHERE 1 / (CASE WHEN revenue = 777.77 THEN 0 ELSE 1 END) = 1");
        own("leaky function in WHERE (notices)",
                "CREATE FUNCTION pg_temp.leak(text, numeric) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS "
                        + "$$ BEGIN RAISE NOTICE 'saw % %', $1, $2; RETURN true; END $$",
                "SELECT day FROM marts.fct_sales WHERE pg_temp.leak(tenant_id, revenue)");
        assertThat(lastSeen).as("the function did run, on acme's rows only").contains("saw acme 10.00");
        assertThat(own("planner statistics (pg_stats)",
                "SELECT attname || ':' || coalesce(most_common_vals::text, '') FROM pg_stats "
                        + "WHERE tablename = 'fct_sales'")).as("hidden while row security is active").isEmpty();
    }

    @Test
    void writingIsRefused() throws Exception {
        refused("UPDATE the other tenant's rows", "UPDATE marts.fct_sales SET revenue = 0 WHERE tenant_id = 'globex'");
        refused("DELETE the other tenant's rows", "DELETE FROM marts.fct_sales WHERE tenant_id = 'globex'");
        refused("INSERT a row as the other tenant", "INSERT INTO marts.fct_sales VALUES ('globex', '2024-02-01', 1)");
        refused("INSERT a row as itself", "INSERT INTO marts.fct_sales VALUES ('acme', '2024-02-01', 1)");
        refused("TRUNCATE", "TRUNCATE marts.fct_sales");
        refused("INSERT into raw", "INSERT INTO raw.shopify__orders (tenant_id) VALUES ('globex')");
    }

    @Test
    void changingIdentityOrSettingsIsRefusedOrShowsNothingMore() throws Exception {
        refused("SET ROLE to the other tenant's reader", "SET ROLE cairn_reader_globex");
        refused("SET ROLE cairn_transformer", "SET ROLE cairn_transformer");
        refused("SET ROLE cairn_admin", "SET ROLE cairn_admin");
        refused("SET ROLE postgres", "SET ROLE postgres");
        refused("SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION cairn_reader_globex");
        assertThat(own("SET ROLE to the readers group, then read", "SET ROLE cairn_readers",
                "SELECT * FROM marts.fct_sales")).as("the group is no tenant").isEmpty();
        assertThat(own("RESET ROLE, then read", "RESET ROLE", "SELECT tenant_id FROM marts.fct_sales")).hasSize(3);
        assertThat(own("set_config('cairn.tenant', 'globex'), then read",
                "SELECT set_config('cairn.tenant', 'globex', false)", "SELECT tenant_id FROM marts.fct_sales"))
                .hasSize(3);
        refused("set_config('row_security', 'off'), then read", "SELECT set_config('row_security', 'off', false)",
                "SELECT * FROM marts.fct_sales");
        refused("GRANT cairn_admin to itself", "GRANT cairn_admin TO cairn_reader_acme");
        refused("ALTER ROLE ... BYPASSRLS", "ALTER ROLE cairn_reader_acme BYPASSRLS");
    }

    @Test
    void bypassingPoliciesIsRefused() throws Exception {
        refused("ALTER TABLE ... DISABLE ROW LEVEL SECURITY", "ALTER TABLE marts.fct_sales DISABLE ROW LEVEL SECURITY");
        refused("ALTER TABLE ... NO FORCE ROW LEVEL SECURITY", "ALTER TABLE marts.fct_sales NO FORCE ROW LEVEL SECURITY");
        refused("DROP POLICY", "DROP POLICY cairn_tenant_reader ON marts.fct_sales");
        refused("CREATE POLICY ... USING (true)", "CREATE POLICY open ON marts.fct_sales FOR SELECT USING (true)");
        refused("CREATE VIEW in marts", "CREATE VIEW marts.all_sales AS SELECT * FROM marts.fct_sales");
        refused("CREATE TABLE in marts", "CREATE TABLE marts.stash (x int)");
        refused("CREATE FUNCTION in public", "CREATE FUNCTION public.f() RETURNS bigint LANGUAGE sql "
                + "SECURITY DEFINER AS 'SELECT count(*) FROM marts.fct_sales'");
        assertThat(own("temporary view over the table", "CREATE TEMP VIEW every_sale AS SELECT * FROM marts.fct_sales",
                "SELECT tenant_id FROM every_sale")).hasSize(3);
        assertThat(own("SECURITY DEFINER function in pg_temp", "CREATE FUNCTION pg_temp.n() RETURNS bigint "
                + "LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM marts.fct_sales'", "SELECT pg_temp.n()"))
                .containsExactly("3");
        refused("ALTER VIEW owned by the platform", "ALTER VIEW marts.v_sales SET (security_barrier = false)");
        refused("REFRESH MATERIALIZED VIEW", "REFRESH MATERIALIZED VIEW marts.mv_sales");
    }

    @Test
    void unprotectedRelationsAndOtherLayersAreOutOfReach() throws Exception {
        refused("read a raw table", "SELECT * FROM raw.shopify__orders");
        refused("read the dead letters", "SELECT * FROM raw._dead_letter");
        refused("read the load ledger", "SELECT * FROM raw._loads");
        refused("read intermediate", "SELECT * FROM intermediate.int_orders");
        refused("read a view over the table (PostgreSQL 14: no security_invoker)", "SELECT * FROM marts.v_sales");
        refused("read a materialized view", "SELECT * FROM marts.mv_sales");
        refused("read a table without tenant_id granted to PUBLIC", "SELECT * FROM marts.currency_rates");
    }

    @Test
    void serverFilesAreOutOfReach() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.csv"), "globex,777.77\n");
        refused("COPY ... FROM a server file", "COPY marts.fct_sales FROM '" + secret + "' (FORMAT csv)");
        refused("COPY ... TO a server file", "COPY (SELECT 1) TO '" + dir.resolve("out.csv") + "'");
        refused("COPY ... FROM PROGRAM", "COPY marts.fct_sales FROM PROGRAM 'cat " + secret + "'");
        refused("pg_read_file", "SELECT pg_read_file('" + secret + "')");
        refused("pg_read_binary_file", "SELECT pg_read_binary_file('" + secret + "')");
        refused("pg_ls_dir", "SELECT pg_ls_dir('.')");
        refused("lo_import of a server file", "SELECT lo_import('" + secret + "')");
        refused("CREATE EXTENSION file_fdw", "CREATE EXTENSION file_fdw");
        refused("CREATE EXTENSION dblink", "CREATE EXTENSION dblink");
    }

    @Test
    void theOtherTenantSeesOnlyItsOwnRowsToo() throws Exception {
        try (Connection globex = DriverManager.getConnection(url, TenantRoles.reader(GLOBEX), "globex-bi-secret")) {
            assertThat(TestPostgres.query(globex, "SELECT tenant_id || ':' || revenue FROM marts.fct_sales ORDER BY 1"))
                    .containsExactly("globex:777.77", "globex:888.88");
        }
    }

    @Test
    void pipelineRolesSeeEveryTenantAndTheLoaderLandsUnderForcedSecurity() throws Exception {
        TestPostgres.execute(url, "postgres", "DROP ROLE IF EXISTS etl_loader",
                "CREATE ROLE etl_loader LOGIN IN ROLE cairn_loader", "DROP ROLE IF EXISTS etl_models",
                "CREATE ROLE etl_models LOGIN IN ROLE cairn_transformer");
        try (PostgresWarehouse loader = PostgresWarehouse.open(
                new PostgresWarehouse.ConnectionSettings(url, "etl_loader", null, null, 1))) {
            Path file = Files.writeString(dir.resolve("more.jsonl"),
                    "{\"id\":2,\"updated_at\":\"2024-01-02T00:00:00Z\"}\n");
            loader.rawLoader().land(new LoadRequest(ACME, "shopify", "orders", "acme-more", file, "more.jsonl",
                    FileFormat.JSONL, StreamContract.of(List.of("id"), "updated_at"), Instant.now()));
            try (Connection connection = loader.connect()) {
                assertThat(TestPostgres.query(connection, "SELECT tenant_id || ':' || source_record_id "
                        + "FROM raw.shopify__orders ORDER BY 1")).containsExactly("acme:1", "acme:2", "globex:1");
            }
        }
        try (Connection models = DriverManager.getConnection(url, "etl_models", null)) {
            assertThat(TestPostgres.query(models, "SELECT count(*) FROM marts.fct_sales")).containsExactly("5");
        }
    }

    @Test
    void rerunningCreatesNothingAndANewTableGetsPoliciesOnTheNextRun() throws Exception {
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            IsolationReport rerun = security.apply(admin, List.of(ACME, GLOBEX, INITECH));
            assertThat(rerun.changedAnything()).as("nothing new since the last run: %s", rerun).isFalse();
            assertThat(rerun.withheld()).anyMatch(line -> line.startsWith("marts.v_sales:"));

            TestPostgres.execute(url, "postgres", "CREATE TABLE marts.fct_refunds (tenant_id text, amount numeric)",
                    "INSERT INTO marts.fct_refunds VALUES ('acme', 1), ('globex', 888.88)");
            refused("read a new table before the next run", "SELECT * FROM marts.fct_refunds");

            IsolationReport next = security.apply(admin, List.of(ACME, GLOBEX));
            assertThat(next.tablesSecured()).containsExactly("marts.fct_refunds");
            assertThat(next.policiesCreated()).containsExactly("marts.fct_refunds:" + RowLevelSecurity.PIPELINE_POLICY,
                    "marts.fct_refunds:" + RowLevelSecurity.READER_POLICY);
            assertThat(next.readerGrants()).containsExactly("marts.fct_refunds");
            assertThat(next.rolesCreated()).isEmpty();
            assertThat(own("read a new table after the next run", "SELECT amount FROM marts.fct_refunds"))
                    .containsExactly("1");
            assertThat(security.apply(admin, List.of(ACME, GLOBEX)).changedAnything()).isFalse();
            List<String> expected = TestPostgres.query(admin, "SELECT (2 * count(*))::text FROM pg_class "
                    + "WHERE relrowsecurity AND relnamespace::regnamespace::text IN ('raw', 'marts', 'intermediate')");
            assertThat(TestPostgres.query(admin, "SELECT count(*) FROM pg_policy WHERE polname LIKE 'cairn%'"))
                    .as("two per secured table, never twice").isEqualTo(expected);
        }
    }

    @Test
    void policiesCairnDidNotCreateAreReported() throws Exception {
        TestPostgres.execute(url, "postgres", "CREATE TABLE marts.fct_shared (tenant_id text, amount numeric)",
                "ALTER TABLE marts.fct_shared ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY open_to_all ON marts.fct_shared FOR SELECT USING (true)");
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            IsolationReport report = security.apply(admin, List.of(ACME, GLOBEX));
            assertThat(report.foreignPolicies()).containsExactly("marts.fct_shared:open_to_all");
        }
        finally {
            TestPostgres.execute(url, "postgres", "DROP TABLE marts.fct_shared");
        }
    }

    @Test
    void piiColumnsAreOutOfReachWithoutPiiAccess() throws Exception {
        refused("read a PII column of the base table", "SELECT email FROM marts.customer_360");
        refused("SELECT * from the base table", "SELECT * FROM marts.customer_360");
        refused("row_to_json of a base table row", "SELECT row_to_json(c) FROM marts.customer_360 c");
        refused("to_jsonb(t.*) of a base table row", "SELECT to_jsonb(c.*) FROM marts.customer_360 c");
        refused("cast a PII column (error message)", "SELECT email::int FROM marts.customer_360");
        refused("filter on a PII column", "SELECT count(*) FROM marts.customer_360 WHERE email LIKE 'v%'");
        refused("PII column in ORDER BY", "SELECT person_key FROM marts.customer_360 ORDER BY phone");
        refused("COPY the PII column out", "COPY marts.customer_360 (email) TO STDOUT");
        assertThat(own("planner statistics of the PII columns (pg_stats)", "SELECT attname || ':' || "
                + "coalesce(most_common_vals::text, '') || coalesce(histogram_bounds::text, '') FROM pg_stats "
                + "WHERE tablename = 'customer_360'")).isEmpty();
        assertThat(own("non-PII columns of the base table",
                "SELECT person_key || ':' || orders FROM marts.customer_360 ORDER BY 1")).containsExactly("p1:4", "p2:1");
    }

    @Test
    void theMaskingViewShowsOwnRowsWithPiiMasked() throws Exception {
        assertThat(own("masking view: every column",
                "SELECT tenant_id || ':' || person_key || ':' || coalesce(email, '-') || ':' || coalesce(phone, '-') "
                        + "|| ':' || coalesce(birth_date::text, '-') FROM marts_masked.customer_360 ORDER BY 1"))
                .satisfiesExactly(
                        p1 -> assertThat(p1).matches("acme:p1:masked:[0-9a-f]{16}:masked:[0-9a-f]{16}:-"),
                        p2 -> assertThat(p2).as("a missing value stays missing").isEqualTo("acme:p2:-:-:-"));
        List<String> masked = own("masking view through the login's search_path", "SELECT email FROM customer_360 "
                + "WHERE person_key = 'p1'");
        assertThat(masked).singleElement().asString().startsWith("masked:");
        assertThat(own("masking view: the hash is stable", "SELECT email FROM marts_masked.customer_360 "
                + "WHERE person_key = 'p1'")).isEqualTo(masked);
        assertThat(own("masking view: row_to_json", "SELECT row_to_json(v)::text FROM marts_masked.customer_360 v "
                + "WHERE person_key = 'p1'")).singleElement().asString().contains("\"email\":\"masked:");
        refused("read the masking key", "SELECT * FROM cairn_private.mask_key");
        assertThat(own("masking view: to_jsonb(v.*)", "SELECT to_jsonb(v.*)::text FROM marts_masked.customer_360 v"))
                .hasSize(2);
        refused("masking view: cast a masked column (error message)",
                "SELECT email::int FROM marts_masked.customer_360 WHERE email IS NOT NULL");
        assertThat(own("masking view: the other tenant's id",
                "SELECT * FROM marts_masked.customer_360 WHERE tenant_id = 'globex'")).isEmpty();
        own("masking view: leaky function in WHERE (notices)",
                "CREATE FUNCTION pg_temp.leak(text, text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS "
                        + "$$ BEGIN RAISE NOTICE 'saw % %', $1, $2; RETURN true; END $$",
                "SELECT person_key FROM marts_masked.customer_360 WHERE pg_temp.leak(tenant_id, email)");
        assertThat(lastSeen).as("the function saw acme's masked rows only").contains("saw acme masked:")
                .doesNotContain("saw globex");
        assertThat(own("masking view: aggregate over the masked column",
                "SELECT count(DISTINCT email) FROM marts_masked.customer_360")).containsExactly("1");
    }

    @Test
    void piiRolesAreOutOfReach() throws Exception {
        refused("SET ROLE to its own PII role", "SET ROLE cairn_pii_acme");
        refused("SET ROLE to the PII readers group", "SET ROLE cairn_pii_readers");
        refused("SET ROLE to the other tenant's PII role", "SET ROLE cairn_pii_globex");
        refused("GRANT its PII role to itself", "GRANT cairn_pii_acme TO cairn_reader_acme");
        refused("replace the masking view", "CREATE OR REPLACE VIEW marts_masked.customer_360 AS "
                + "SELECT * FROM marts.customer_360");
        refused("CREATE VIEW in the masked schema", "CREATE VIEW marts_masked.mine AS SELECT 1 AS x");
    }

    @Test
    void aTenantWithPiiAccessSeesItsOwnPiiOnly() throws Exception {
        try (Connection globex = DriverManager.getConnection(url, TenantRoles.reader(GLOBEX), "globex-bi-secret")) {
            assertThat(TestPostgres.query(globex, "SELECT tenant_id || ':' || email || ':' || birth_date "
                    + "FROM marts_masked.customer_360")).containsExactly("globex:ceo@globex.example:1970-01-01");
            assertThat(TestPostgres.query(globex, "SELECT email FROM marts.customer_360"))
                    .as("the base table too, through the PII readers' column grants").containsExactly("ceo@globex.example");
            TestPostgres.query(globex, "SELECT set_config('role', 'cairn_pii_globex', false)");
            assertThatThrownBy(() -> TestPostgres.query(globex, "SELECT email FROM marts.customer_360"))
                    .as("its PII role is no tenant reader and may not even use the schema")
                    .hasMessageContaining("permission denied for schema marts");
        }
    }

    @Test
    void aRevokedLoginCannotConnectAndItsSessionsEnd() throws Exception {
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            ReaderLogins.grant(admin, INITECH, "initech-secret".toCharArray());
            try (Connection open = DriverManager.getConnection(url, TenantRoles.reader(INITECH), "initech-secret")) {
                assertThat(TestPostgres.query(open, "SELECT count(*) FROM marts.fct_sales")).containsExactly("0");
                assertThat(ReaderLogins.revoke(admin, INITECH)).as("sessions ended").isEqualTo(1);
                assertThatThrownBy(() -> TestPostgres.query(open, "SELECT 1")).isInstanceOf(SQLException.class);
                ATTEMPTS.add(String.format(Locale.ROOT, "%-62s refused: session ended by the revoke",
                        "a session open while the login is revoked"));
            }
            try (Connection again = DriverManager.getConnection(url, TenantRoles.reader(INITECH), "initech-secret")) {
                fail("a revoked login connected");
            }
            catch (SQLException e) {
                assertThat(e.getMessage()).contains("not permitted to log in");
                ATTEMPTS.add(String.format(Locale.ROOT, "%-62s refused: %s %s", "log in after the revoke",
                        e.getSQLState(), e.getMessage().lines().findFirst().orElse("")));
            }
        }
    }

    @Test
    void maskingFollowsTheDeclaredColumns() throws Exception {
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            TestPostgres.execute(url, "postgres", "CREATE TABLE marts.dim_people (tenant_id text, name text, n int)",
                    "INSERT INTO marts.dim_people VALUES ('acme', 'Ann', 1), ('globex', 'Gus', 2)");
            Map<String, Set<String>> declared = new java.util.HashMap<>(PII.byTable());
            declared.put("marts.dim_people", Set.of("name", "not_a_column"));
            IsolationReport masked = security.apply(admin, List.of(ACME, GLOBEX, INITECH), new MaskedColumns(declared));
            assertThat(masked.maskingViews()).containsExactly("marts_masked.dim_people");
            assertThat(own("a newly masked table", "SELECT name FROM marts_masked.dim_people")).singleElement()
                    .asString().startsWith("masked:");
            assertThat(security.apply(admin, List.of(ACME, GLOBEX, INITECH), new MaskedColumns(declared))
                    .changedAnything()).as("rerun").isFalse();

            IsolationReport unmasked = security.apply(admin, List.of(ACME, GLOBEX, INITECH), PII);
            assertThat(unmasked.maskingViews()).containsExactly("marts_masked.dim_people (dropped: no PII columns)");
            assertThat(unmasked.readerGrants()).as("the table is granted whole again").containsExactly("marts.dim_people");
            assertThat(own("a table no longer masked", "SELECT name FROM marts.dim_people")).containsExactly("Ann");

            assertThat(security.dropMaskingViews(admin)).as("before a build").isEqualTo(1);
            refused("masking view dropped for a build", "SELECT * FROM marts_masked.customer_360");
            assertThat(security.apply(admin, List.of(ACME, GLOBEX, INITECH), PII).maskingViews())
                    .containsExactly("marts_masked.customer_360");
        }
        finally {
            TestPostgres.execute(url, "postgres", "DROP TABLE marts.dim_people");
        }
    }

    @Test
    void theReaderPolicyIsAnIndexConditionAndOlderPoliciesAreUpdated() throws Exception {
        TestPostgres.execute(url, "postgres", "CREATE INDEX IF NOT EXISTS fct_sales_tenant_day ON marts.fct_sales "
                + "(tenant_id, day)", "ALTER POLICY cairn_tenant_reader ON marts.fct_sales USING (tenant_id = "
                + "(CASE WHEN current_user::text LIKE 'cairn\\_reader\\_%' THEN substr(current_user::text, 14) END))",
                "COMMENT ON POLICY cairn_tenant_reader ON marts.fct_sales IS NULL");
        String explain = "EXPLAIN (COSTS OFF) SELECT revenue FROM marts.fct_sales WHERE day = '2024-01-02'";
        assertThat(String.join("\n", own("plan under the version 1 policy", "SET enable_seqscan = off", explain)))
                .as("current_user is a name, collation C: not comparable with the index").doesNotContain("Index Cond: ((tenant_id");

        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            assertThat(security.apply(admin, List.of(ACME, GLOBEX, INITECH)).policiesCreated())
                    .containsExactly("marts.fct_sales:cairn_tenant_reader (updated to cairn reader policy v2)");
        }
        assertThat(String.join("\n", own("plan under the current policy", "SET enable_seqscan = off", explain)))
                .contains("Index Cond: ((tenant_id = ");
        assertThat(own("read after the policy update", "SELECT count(*) FROM marts.fct_sales")).containsExactly("3");
    }

    private static void landOrders(PostgresWarehouse warehouse, TenantId tenant, String line) throws Exception {
        Path file = Files.writeString(dir.resolve(tenant + ".jsonl"), line + "\n");
        warehouse.rawLoader().land(new LoadRequest(tenant, "shopify", "orders", tenant + "-1", file,
                tenant + ".jsonl", FileFormat.JSONL, StreamContract.of(List.of("id"), "updated_at"), Instant.now()));
    }

    private static Connection reader() throws SQLException {
        return DriverManager.getConnection(url, TenantRoles.reader(ACME), PASSWORD);
    }

    /**
     * Runs the statements in one acme session; the last one's first column is returned. Asserts that neither the
     * rows nor any notice holds globex's values.
     */
    private static List<String> own(String attempt, String... statements) throws SQLException {
        List<String> values = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        try (Connection connection = reader(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.length - 1; i++) {
                statement.execute(statements[i]);
            }
            try (ResultSet rows = statement.executeQuery(statements[statements.length - 1])) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    values.add(rows.getString(1));
                    for (int c = 1; c <= columns; c++) {
                        seen.append(rows.getString(c)).append(' ');
                    }
                }
            }
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                seen.append(warning.getMessage()).append(' ');
            }
        }
        return record(attempt, values, seen.toString());
    }

    /** Copies out with {@code COPY ... TO STDOUT} as acme; returns the lines, asserting none is globex's. */
    private static List<String> copied(String copy) throws Exception {
        StringWriter out = new StringWriter();
        try (Connection connection = reader()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
        }
        return record(copy, out.toString().lines().toList(), out.toString());
    }

    private static List<String> record(String attempt, List<String> values, String seen) {
        lastSeen = seen;
        assertNoGlobex(attempt, seen);
        ATTEMPTS.add(String.format(Locale.ROOT, "%-62s returned %d rows, none of globex's", attempt, values.size()));
        return values;
    }

    /** Runs the statements in one acme session and asserts that one of them is refused, leaking nothing. */
    private static void refused(String attempt, String... statements) throws SQLException {
        try (Connection connection = reader(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException e) {
            // The refusal may name the role the attacker asked for; that is its own input, not globex's data.
            assertNoGlobex(attempt, e.getMessage().replace(TenantRoles.reader(GLOBEX), "<role>")
                    .replace(TenantRoles.pii(GLOBEX), "<role>"));
            ATTEMPTS.add(String.format(Locale.ROOT, "%-62s refused: %s %s", attempt, e.getSQLState(),
                    e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        fail("Attempt '%s' as %s was not refused", attempt, TenantRoles.reader(ACME));
    }

    private static void assertNoGlobex(String attempt, String text) {
        for (String marker : java.util.stream.Stream.concat(GLOBEX_MARKERS.stream(), ACME_PII.stream()).toList()) {
            assertThat(text).as("%s must reveal nothing of globex", attempt).doesNotContain(marker);
        }
    }
}
