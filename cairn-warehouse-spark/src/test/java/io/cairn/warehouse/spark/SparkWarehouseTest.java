package io.cairn.warehouse.spark;

import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseFactory;
import io.cairn.spi.warehouse.WarehouseSettings;
import io.cairn.warehouse.spark.jdbc.SparkJdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkWarehouseTest {
    @TempDir
    static Path folder;

    static SparkWarehouse warehouse;

    @BeforeAll
    static void open() throws SQLException {
        warehouse = SparkTestWarehouses.open(folder);
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists marts");
            statement.execute("create or replace table marts.orders using iceberg as "
                    + "select * from values ('acme', 1, cast(12.50 as decimal(12,2)), date'2024-01-02', "
                    + "timestamp'2024-01-02 03:04:05'), ('beta', 2, cast(7.25 as decimal(12,2)), date'2024-01-03', "
                    + "timestamp'2024-01-03 00:00:00.5') as t(tenant_id, id, amount, order_date, created_at)");
            statement.execute("create or replace view marts.acme_orders as select * from marts.orders "
                    + "where tenant_id = 'acme'");
        }
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void factoryIsFoundByTypeAndOpensTheFolderFromSettings(@TempDir Path project) throws SQLException {
        WarehouseFactory factory = ServiceLoader.load(WarehouseFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("spark")).findFirst().orElseThrow();
        try (Warehouse opened = factory.open(new WarehouseSettings("spark", project, Map.of("path", "wh")));
                Connection connection = opened.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists ops");
            statement.execute("create table ops.t (n bigint) using iceberg");
            statement.execute("insert into ops.t values (41), (1)");
            try (ResultSet rs = statement.executeQuery("select sum(n) from ops.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(42L);
            }
            assertThat(opened.dialect().name()).isEqualTo("spark");
        }
        assertThat(project.resolve("wh/data/ops")).isDirectory();
    }

    @Test
    void queriesReturnTypedValuesAndMetadata() throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select tenant_id, id, amount, order_date, created_at "
                        + "from marts.orders order by id")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(5);
            assertThat(meta.getColumnName(3)).isEqualTo("amount");
            assertThat(meta.getColumnType(1)).isEqualTo(Types.VARCHAR);
            assertThat(meta.getColumnType(2)).isEqualTo(Types.INTEGER);
            assertThat(meta.getColumnType(3)).isEqualTo(Types.DECIMAL);
            assertThat(meta.getColumnTypeName(3)).isEqualTo("DECIMAL(12,2)");
            assertThat(meta.getColumnType(4)).isEqualTo(Types.DATE);
            assertThat(meta.getColumnType(5)).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("tenant_id")).isEqualTo("acme");
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal("12.50"));
            assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(rs.getObject(5, OffsetDateTime.class))
                    .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
            assertThat(rs.getString(5)).isEqualTo("2024-01-02 03:04:05");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(5)).isEqualTo("2024-01-03 00:00:00.5");
            assertThat(rs.getObject(1)).isEqualTo("beta");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void preparedStatementsBindParametersWithoutSplicingThem() throws SQLException {
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from marts.orders where tenant_id = ? and id >= ?")) {
            statement.setString(1, "acme");
            statement.setLong(2, 1);
            assertThat(count(statement)).isEqualTo(1);
            statement.setString(1, "acme' or '1'='1");
            assertThat(count(statement)).isZero();
        }
    }

    @Test
    void commandsReportNoRowsAndMaxRowsLimitsAResult() throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("create schema if not exists scratch")).isFalse();
            assertThat(statement.getLargeUpdateCount()).isEqualTo(-1);
            assertThat(statement.execute("show tables in marts")).isTrue();
            statement.setMaxRows(1);
            try (ResultSet rs = statement.executeQuery("select * from marts.orders")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(1);
            }
        }
    }

    @Test
    void errorsCarrySparksMessageAndState() throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select nope from marts.orders"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("UNRESOLVED_COLUMN")
                    .hasMessageContaining("nope")
                    .hasMessageNotContaining("Project")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42703"));
        }
    }

    @Test
    void aQueryTimeoutCancelsTheSparkJob() throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertThatThrownBy(() -> statement.executeQuery("select count(*) from range(0, 1000000000000) a"))
                    .isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("timeout of 1 s");
        }
    }

    @Test
    void metadataListsSchemasTablesViewsAndColumns() throws SQLException {
        try (Connection connection = warehouse.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "marts", "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
                }
            }
            assertThat(tables).containsExactlyInAnyOrder("orders:TABLE", "acme_orders:VIEW");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, "marts", "orders", null)) {
                while (rs.next()) {
                    columns.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                            + rs.getString("TYPE_NAME"));
                }
            }
            assertThat(columns).containsExactly("1 tenant_id STRING", "2 id INT", "3 amount DECIMAL(12,2)",
                    "4 order_date DATE", "5 created_at TIMESTAMP");
        }
    }

    @Test
    void eachConnectionIsItsOwnSessionOnTheSameCatalog() throws SQLException {
        try (Connection a = warehouse.connect(); Connection b = warehouse.connect();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("create temporary view only_here as select 1 as one");
            assertThatThrownBy(() -> sb.executeQuery("select * from only_here"))
                    .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
            sa.execute("create schema if not exists sessions");
            sa.execute("create table sessions.shared_now (n int) using iceberg");
            sa.execute("insert into sessions.shared_now values (7)");
            try (ResultSet rs = sb.executeQuery("select n from sessions.shared_now")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
            assertThat(SparkJdbc.session(a)).isNotSameAs(SparkJdbc.session(b));
        }
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
