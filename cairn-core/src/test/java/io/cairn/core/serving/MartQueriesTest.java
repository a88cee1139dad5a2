package io.cairn.core.serving;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.spi.TenantId;
import io.cairn.warehouse.duckdb.DuckDbDialect;

import static org.assertj.core.api.Assertions.assertThat;

/** Mart columns are looked up once per published version of a tenant's data, and again when it changes. */
class MartQueriesTest {
    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void columnsAreKeptPerPublishedVersionAndLookedUpAgainForANewOne() throws SQLException {
        MartQueries queries = new MartQueries(DuckDbDialect.INSTANCE);
        try (Connection first = DriverManager.getConnection("jdbc:duckdb:");
                Connection second = DriverManager.getConnection("jdbc:duckdb:")) {
            execute(first, "CREATE SCHEMA marts", "CREATE TABLE marts.sales (tenant_id VARCHAR, sales_date DATE)");
            execute(second, "CREATE SCHEMA marts", "CREATE TABLE marts.sales (tenant_id VARCHAR, net DECIMAL(9, 2), "
                    + "sales_date DATE)");

            assertThat(columns(queries.load(first, ACME, "marts", "sales", Optional.of("v1"))))
                    .containsExactly("tenant_id", "sales_date");
            assertThat(columns(queries.load(second, ACME, "marts", "sales", Optional.of("v1"))))
                    .as("the same version: no lookup").containsExactly("tenant_id", "sales_date");
            assertThat(columns(queries.load(second, ACME, "marts", "sales", Optional.of("v2"))))
                    .as("a new version: looked up again").containsExactly("tenant_id", "net", "sales_date");
            assertThat(columns(queries.load(first, ACME, "marts", "sales", Optional.empty())))
                    .as("no version: never cached").containsExactly("tenant_id", "sales_date");
            assertThat(queries.load(first, TenantId.of("globex"), "marts", "nope", Optional.of("v1")).exists())
                    .isFalse();
        }
    }

    private static java.util.List<String> columns(MartQuery query) {
        return query.columns().stream().map(MartQuery.Column::name).toList();
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
