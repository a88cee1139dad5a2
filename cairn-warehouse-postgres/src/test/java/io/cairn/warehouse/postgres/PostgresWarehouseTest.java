package io.cairn.warehouse.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseFactory;
import io.cairn.spi.warehouse.WarehouseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening the warehouse from {@code cairn.yml} options, and the connection pool, on a real PostgreSQL. */
class PostgresWarehouseTest {
    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
        url = TestPostgres.newDatabase(postgres, "warehouse");
        TestPostgres.execute(url, "postgres", "CREATE SCHEMA analytics");
    }

    @AfterAll
    static void stopPostgres() {
        TestPostgres.stop(postgres);
    }

    @Test
    void serviceLoaderFindsThePostgresTypeAndOpensItFromOptions() throws Exception {
        WarehouseFactory factory = ServiceLoader.load(WarehouseFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.type().equals("postgres"))
                .findFirst().orElseThrow();

        try (Warehouse warehouse = factory.open(settings(Map.of("url", url, "user", "postgres", "schema", "analytics")));
                Connection connection = warehouse.connect()) {
            assertThat(warehouse.type()).isEqualTo("postgres");
            assertThat(warehouse.dialect().name()).isEqualTo("postgres");
            assertThat(TestPostgres.query(connection, "SELECT current_schema() || '|' || current_setting('TimeZone')"))
                    .containsExactly("analytics|UTC");
        }
    }

    @Test
    void badOptionsAreConfigurationErrorsNamingTheKey() {
        PostgresWarehouseFactory factory = new PostgresWarehouseFactory();
        assertThatThrownBy(() -> factory.open(settings(Map.of("user", "postgres"))))
                .isInstanceOf(CairnException.class).hasMessageContaining("warehouse.url is missing")
                .satisfies(e -> assertThat(((CairnException) e).code()).isEqualTo(ErrorCode.CONFIG));
        assertThatThrownBy(() -> factory.open(settings(Map.of("url", "jdbc:duckdb:x.db"))))
                .isInstanceOf(CairnException.class).hasMessageContaining("must start with jdbc:postgresql:");
        assertThatThrownBy(() -> factory.open(settings(Map.of("url", url, "pool_size", "many"))))
                .isInstanceOf(CairnException.class).hasMessageContaining("warehouse.pool_size");
    }

    @Test
    void anUnreachableServerFailsWithAWarehouseError() {
        assertThatThrownBy(() -> new PostgresWarehouseFactory().open(settings(Map.of("url",
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "user", "nobody"))))
                .isInstanceOf(CairnException.class)
                .hasMessageContaining("Cannot connect to PostgreSQL warehouse jdbc:postgresql://127.0.0.1:1/none")
                .satisfies(e -> assertThat(((CairnException) e).code()).isEqualTo(ErrorCode.WAREHOUSE));
    }

    @Test
    void passwordsNeverShowInSettings() {
        PostgresWarehouse.ConnectionSettings settings =
                new PostgresWarehouse.ConnectionSettings(url, "cairn", "s3cret", null, 2);
        assertThat(settings.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(settings(Map.of("url", url, "password", "s3cret")).toString()).doesNotContain("s3cret");
    }

    @Test
    void aReturnedConnectionIsResetBeforeItIsReused() throws Exception {
        try (PostgresWarehouse warehouse = TestPostgres.open(url)) {
            String pid;
            try (Connection first = warehouse.connect(); Statement statement = first.createStatement()) {
                pid = TestPostgres.query(first, "SELECT pg_backend_pid()::text").get(0);
                statement.execute("CREATE ROLE pool_probe NOLOGIN");
                statement.execute("SET ROLE pool_probe");
                statement.execute("SET search_path = nowhere");
                statement.execute("CREATE TEMP TABLE leftover (x int)");
                first.setAutoCommit(false);
                statement.execute("SELECT 1");
            }
            try (Connection second = warehouse.connect()) {
                assertThat(TestPostgres.query(second, "SELECT pg_backend_pid()::text")).as("pooled")
                        .containsExactly(pid);
                assertThat(TestPostgres.query(second, "SELECT current_user || '|' || current_setting('search_path') "
                        + "|| '|' || (to_regclass('pg_temp.leftover') IS NULL)"))
                        .containsExactly("postgres|\"$user\", public|true");
                assertThat(second.getAutoCommit()).isTrue();
            }
        }
        finally {
            TestPostgres.execute(url, "postgres", "DROP ROLE IF EXISTS pool_probe");
        }
    }

    @Test
    void aClosedConnectionCannotBeUsedAndClosingTwiceIsHarmless() throws Exception {
        try (PostgresWarehouse warehouse = TestPostgres.open(url)) {
            Connection connection = warehouse.connect();
            connection.close();
            connection.close();
            assertThat(connection.isClosed()).isTrue();
            assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class)
                    .hasMessageContaining("returned to the pool");
        }
    }

    @Test
    void manyThreadsShareThePool() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (PostgresWarehouse warehouse = TestPostgres.open(url)) {
            List<Future<Long>> sums = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                sums.add(threads.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < 50; i++) {
                        try (Connection connection = warehouse.connect()) {
                            sum += Long.parseLong(TestPostgres.query(connection, "SELECT " + i).get(0));
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Long> sum : sums) {
                assertThat(sum.get()).isEqualTo(49 * 50 / 2);
            }
        }
        finally {
            threads.shutdown();
        }
    }

    private static WarehouseSettings settings(Map<String, String> options) {
        return new WarehouseSettings("postgres", Path.of("."), options);
    }
}
