package io.cairn.core.serving;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.spark.SparkWarehouse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TenantData} on Spark (Iceberg), through per-tenant published Iceberg copies: what {@code cairn query
 * --tenant} and the HTTP mart reads run. The fixture's SQL is the DuckDB/PostgreSQL one in Spark's spelling.
 */
class SparkTenantDataTest extends TenantDataContract {
    @Override
    Warehouse openWarehouse(Path dir) {
        return SparkWarehouse.open(new SparkWarehouse.Options(dir.resolve("spark-warehouse"), "local[2]", null,
                Map.of("spark.sql.shuffle.partitions", "2")));
    }

    @Override
    String endlessQuery() {
        return "SELECT count(*) FROM range(0, 1000000000000) a";
    }

    @Override
    String adapt(String sql) {
        return sql.replace("VARCHAR", "STRING").replace("TIMESTAMPTZ", "TIMESTAMP");
    }

    @Override
    @AfterAll
    void close() {
        String catalog = ((SparkWarehouse) warehouse).catalogUrl();
        super.close();
        // Iceberg keeps the H2 catalog open; shut it down so its lock file does not outlive the temporary folder.
        try (Connection connection = DriverManager.getConnection(catalog);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tenantSqlCannotLeaveTheTenantsCopy() {
        for (String attack : new String[] {"SELECT * FROM cairn.marts.fct_sales_by_day",
                "SELECT reflect('java.lang.System', 'getenv', 'HOME')", "SELECT * FROM json.`/etc/passwd`"}) {
            assertThatThrownBy(() -> data.query(ServingFixture.ACME, attack, Duration.ofSeconds(30), 10))
                    .as(attack).satisfies(e -> ServingFixture.assertNoGlobex(attack, e.getMessage()));
        }
    }
}
