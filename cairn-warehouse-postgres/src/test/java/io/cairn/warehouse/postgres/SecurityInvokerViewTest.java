package io.cairn.warehouse.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.IsolationReport;
import io.cairn.warehouse.postgres.tenancy.ReaderLogins;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL 15 and later, views with {@code tenant_id} are switched to {@code security_invoker} and readable by
 * tenant readers through the policies of their tables. Runs on an installed PostgreSQL 15, skipped without one.
 */
class SecurityInvokerViewTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static SystemPostgres server;
    private static String url;

    @BeforeAll
    static void startPostgres15() throws Exception {
        assumeTrue(SystemPostgres.available(15), "no PostgreSQL 15 installed under /usr/lib/postgresql/15");
        server = SystemPostgres.start(15);
        url = server.url("postgres");
        TestPostgres.execute(url, "postgres", "CREATE SCHEMA marts", "CREATE SCHEMA intermediate",
                "CREATE TABLE marts.fct_sales (tenant_id text NOT NULL, revenue numeric NOT NULL)",
                "INSERT INTO marts.fct_sales VALUES ('acme', 10), ('acme', 20), ('globex', 777.77)",
                "CREATE TABLE intermediate.int_orders (tenant_id text NOT NULL, amount numeric NOT NULL)",
                "INSERT INTO intermediate.int_orders VALUES ('acme', 1), ('globex', 888.88)",
                "CREATE VIEW marts.v_sales AS SELECT tenant_id, sum(revenue) AS revenue FROM marts.fct_sales "
                        + "GROUP BY tenant_id",
                "CREATE VIEW marts.v_orders AS SELECT * FROM intermediate.int_orders",
                "GRANT SELECT ON marts.v_orders TO PUBLIC");
    }

    @AfterAll
    static void stopPostgres15() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void viewsBecomeSecurityInvokerAndShowEachReaderOnlyItsRows() throws Exception {
        IsolationReport report;
        try (Connection admin = DriverManager.getConnection(url, "postgres", null)) {
            report = new RowLevelSecurity(IsolationLayout.DEFAULT).apply(admin, List.of(ACME, GLOBEX));
            ReaderLogins.grant(admin, ACME, "acme-secret".toCharArray());
            assertThat(TestPostgres.query(admin, "SELECT relname || ':' || array_to_string(reloptions, ',') "
                    + "FROM pg_class WHERE relname IN ('v_orders', 'v_sales') ORDER BY 1")).containsExactly(
                    "v_orders:security_invoker=true", "v_sales:security_invoker=true");
        }
        assertThat(report.readerGrants()).contains("marts.v_sales", "marts.fct_sales");
        assertThat(report.withheld()).isEmpty();

        try (Connection acme = DriverManager.getConnection(url, TenantRoles.reader(ACME), "acme-secret")) {
            assertThat(TestPostgres.query(acme, "SELECT tenant_id || '=' || revenue FROM marts.v_sales"))
                    .containsExactly("acme=30");
            assertThatThrownBy(() -> TestPostgres.query(acme, "SELECT * FROM marts.v_orders"))
                    .as("a view over a layer readers cannot see is refused, not widened")
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table int_orders");
        }
    }
}
