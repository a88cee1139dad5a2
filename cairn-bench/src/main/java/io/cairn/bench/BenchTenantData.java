package io.cairn.bench;

import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.TenantData;
import io.cairn.spi.TenantId;

import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.duckdb.DuckDBConnection;

/**
 * The mart reads of the API benchmark on an in-memory DuckDB: {@code marts.fct_sales_by_day} filtered by tenant and
 * paged, each read on its own duplicated connection as a serving implementation would. The benchmark reads nothing
 * else.
 */
final class BenchTenantData implements TenantData {
    private final DuckDBConnection database;

    BenchTenantData(DuckDBConnection database) {
        this.database = database;
    }

    @Override
    public List<String> marts(TenantId tenant) {
        return List.of("fct_sales_by_day");
    }

    @Override
    public ResultPage readMart(TenantId tenant, String mart, LocalDate from, LocalDate to, int offset, int limit) {
        try (Connection connection = database.duplicate();
                PreparedStatement statement = connection.prepareStatement("SELECT * FROM marts.fct_sales_by_day "
                        + "WHERE tenant_id = ? ORDER BY day LIMIT ? OFFSET ?")) {
            statement.setString(1, tenant.value());
            statement.setInt(2, limit + 1);
            statement.setInt(3, offset);
            List<List<Object>> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    columns.add(result.getMetaData().getColumnLabel(i));
                }
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = result.getObject(i);
                        row.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
                    }
                    rows.add(row);
                }
            }
            boolean more = rows.size() > limit;
            return new ResultPage(columns, more ? rows.subList(0, limit) : rows, more);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the benchmark mart: " + e.getMessage(), e);
        }
    }

    @Override
    public void writeMartCsv(TenantId tenant, String mart, LocalDate from, LocalDate to, Writer out) {
        throw new UnsupportedOperationException("the API benchmark reads JSON pages only");
    }

    @Override
    public ResultPage query(TenantId tenant, String sql, Duration timeout, int maxRows) {
        throw new UnsupportedOperationException("the API benchmark runs no queries");
    }

    @Override
    public ResultPage quality(TenantId tenant) {
        throw new UnsupportedOperationException("the API benchmark reads no quality");
    }

    @Override
    public ResultPage freshness(TenantId tenant) {
        throw new UnsupportedOperationException("the API benchmark reads no freshness");
    }
}
