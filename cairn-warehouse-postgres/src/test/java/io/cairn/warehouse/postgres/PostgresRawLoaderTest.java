package io.cairn.warehouse.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cairn.spi.CairnException;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.warehouse.Warehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The raw-loader contract on a real PostgreSQL, plus what only PostgreSQL has to get right. */
class PostgresRawLoaderTest extends RawLoaderContractTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        TestPostgres.stop(postgres);
    }

    @Override
    protected Warehouse newWarehouse(Path dir) {
        return TestPostgres.open(TestPostgres.newDatabase(postgres, "loader"));
    }

    @Override
    protected String jsonField(String column, String field) {
        return column + "->>'" + field + "'";
    }

    @Override
    protected String utcTimestamp(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')";
    }

    @Override
    protected String storedPayload(String json) throws SQLException {
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT ?::jsonb::text")) {
            statement.setString(1, json);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Stricter than DuckDB, whose JSON reader accepts the trailing comma and lands both elements. */
    @Test
    void jsonArrayWithAnElementThatDoesNotParseFailsAsAWhole() throws Exception {
        Path file = write("bad.json", "[{\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\"}, {\"id\":2,}]");
        assertThatThrownBy(() -> land("load-1", file, FileFormat.JSON_ARRAY, "ecommerce", "orders", ORDERS))
                .isInstanceOf(CairnException.class)
                .hasMessageContaining("Cannot land file bad.json for tenant acme into raw.ecommerce__orders");
        assertThat(warehouse.rawLoader().findLanded("load-1")).isEmpty();
    }

}
