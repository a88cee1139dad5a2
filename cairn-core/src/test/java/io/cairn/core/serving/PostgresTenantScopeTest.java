package io.cairn.core.serving;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cairn.core.TestPostgres;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.postgres.PostgresTenantScope;
import io.cairn.warehouse.postgres.PostgresWarehouse;

import static io.cairn.core.serving.ServingFixture.ACME;
import static io.cairn.core.serving.ServingFixture.GLOBEX;
import static io.cairn.core.serving.ServingFixture.assertNoGlobex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A PostgreSQL tenant connection, straight (no SQL check in front): changing identity or limits from inside the
 * session reaches nothing of globex's, and the session cannot write. Every attempt is printed.
 */
class PostgresTenantScopeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> ATTEMPTS = new ArrayList<>();
    private static PostgresWarehouse warehouse;
    private static TenantScope scope;

    @BeforeAll
    static void publishTwoTenants() throws Exception {
        String url = TestPostgres.newDatabase("serving_scope").url();
        warehouse = PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(url, "postgres", null, null, 2));
        ServingFixture.createTables(warehouse);
        scope = warehouse.tenantScope();
        scope.publish(List.of(ACME, GLOBEX));
    }

    @AfterAll
    static void listAttempts() {
        StringBuilder list = new StringBuilder("PostgreSQL tenant connection attempts as acme (" + ATTEMPTS.size()
                + "):\n");
        ATTEMPTS.forEach(line -> list.append("  ").append(line).append('\n'));
        System.out.print(list);
        warehouse.close();
    }

    @Test
    void theSessionIsTheServingLoginActingAsTheReader() throws Exception {
        assertThat(own("who am I", "SELECT session_user || ' as ' || current_user")).containsExactly(
                PostgresTenantScope.servingLogin(ACME) + " as cairn_reader_acme");
        assertThat(own("read-only", "SHOW transaction_read_only")).containsExactly("on");
        assertThat(own("statement timeout", "SHOW statement_timeout")).containsExactly("30s");
        assertThat(own("unqualified names resolve to marts", "SELECT count(*) FROM fct_sales_by_day"))
                .containsExactly("4");
    }

    @Test
    void changingIdentityReachesNothingOfTheOtherTenant() throws Exception {
        refused("RESET ROLE, then read", "RESET ROLE", "SELECT * FROM marts.fct_sales_by_day");
        refused("set_config('role', 'none'), then read", "SELECT set_config('role', 'none', false)",
                "SELECT * FROM marts.fct_sales_by_day");
        refused("SET ROLE to the other tenant's reader", "SET ROLE cairn_reader_globex");
        refused("SET ROLE to the other tenant's serving login", "SET ROLE cairn_serve_globex");
        refused("SET ROLE cairn_transformer", "SET ROLE cairn_transformer");
        refused("SET ROLE postgres", "SET ROLE postgres");
        refused("SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION postgres");
        assertThat(own("SET ROLE to the readers group, then read", "SET ROLE cairn_readers",
                "SELECT * FROM marts.fct_sales_by_day")).as("the group is no tenant").isEmpty();
        refused("set_config('row_security', 'off'), then read", "SELECT set_config('row_security', 'off', false)",
                "SELECT * FROM marts.fct_sales_by_day");
        refused("GRANT the other reader to itself", "GRANT cairn_reader_globex TO cairn_serve_acme");
    }

    @Test
    void theSessionCannotWriteOrLiftItsLimits() throws Exception {
        refused("INSERT as the other tenant", "INSERT INTO marts.fct_sales_by_day VALUES "
                + "('globex', DATE '2024-02-01', 'web', 1, NULL)");
        refused("UPDATE own rows", "UPDATE marts.fct_sales_by_day SET net = 0");
        refused("CREATE TEMP TABLE", "CREATE TEMP TABLE stash AS SELECT * FROM marts.fct_sales_by_day");
        refused("leave read-only", "SET transaction_read_only = off", "DELETE FROM marts.fct_sales_by_day");
        refused("COMMIT, then read-write", "COMMIT", "SET default_transaction_read_only = off",
                "DELETE FROM marts.fct_sales_by_day");
        refused("read a mart without tenant_id", "SELECT * FROM marts.currency_rates");
    }

    private static List<String> own(String attempt, String... statements) throws SQLException {
        List<String> values = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        try (Connection connection = scope.connect(ACME, TIMEOUT); Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.length - 1; i++) {
                statement.execute(statements[i]);
            }
            try (ResultSet rows = statement.executeQuery(statements[statements.length - 1])) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                    for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                        seen.append(rows.getString(c)).append(' ');
                    }
                }
            }
        }
        assertNoGlobex(attempt, seen.toString());
        ATTEMPTS.add(String.format(Locale.ROOT, "%-52s returned %d rows, none of globex's", attempt, values.size()));
        return values;
    }

    private static void refused(String attempt, String... statements) {
        try (Connection connection = scope.connect(ACME, TIMEOUT); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException e) {
            assertNoGlobex(attempt, e.getMessage().replace("cairn_reader_globex", "<role>")
                    .replace("cairn_serve_globex", "<role>"));
            ATTEMPTS.add(String.format(Locale.ROOT, "%-52s refused: %s %s", attempt, e.getSQLState(),
                    e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        fail("Attempt '%s' as acme was not refused", attempt);
    }
}
