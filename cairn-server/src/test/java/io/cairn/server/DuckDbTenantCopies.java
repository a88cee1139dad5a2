package io.cairn.server;

import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.TenantData;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test {@link TenantData} on real in-memory DuckDB databases: one per tenant holding only that tenant's rows (the
 * per-tenant copies of DESIGN.md §6), so no statement can see another tenant's data. Marts live in schema
 * {@code marts} and are filtered on a {@code day} column; quality in {@code ops.dq_results}, freshness in
 * {@code ops.freshness}.
 */
final class DuckDbTenantCopies implements TenantData, AutoCloseable {
    private final Map<TenantId, Connection> copies = new TreeMap<>();

    /** One database per tenant, set up with the tenant's statements. */
    DuckDbTenantCopies(Map<TenantId, List<String>> setup) throws SQLException {
        for (Map.Entry<TenantId, List<String>> tenant : setup.entrySet()) {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET autoinstall_known_extensions = false");
                statement.execute("CREATE SCHEMA marts");
                statement.execute("CREATE SCHEMA ops");
                for (String sql : tenant.getValue()) {
                    statement.execute(sql);
                }
                statement.execute("SET enable_external_access = false");
            }
            copies.put(tenant.getKey(), connection);
        }
    }

    @Override
    public List<String> marts(TenantId tenant) {
        return read(tenant, "list marts", "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "'marts' ORDER BY 1", List.of(), Integer.MAX_VALUE).rows().stream()
                .map(row -> (String) row.get(0)).toList();
    }

    @Override
    public ResultPage readMart(TenantId tenant, String mart, LocalDate from, LocalDate to, int offset, int limit) {
        checkMart(tenant, mart);
        ResultPage page = read(tenant, "read mart " + mart, martSql(mart) + " LIMIT " + (limit + 1) + " OFFSET "
                + offset, range(from, to), limit + 1);
        boolean more = page.rows().size() > limit;
        return new ResultPage(page.columns(), more ? page.rows().subList(0, limit) : page.rows(), more);
    }

    @Override
    public void writeMartCsv(TenantId tenant, String mart, LocalDate from, LocalDate to, Writer out)
            throws IOException {
        checkMart(tenant, mart);
        ResultPage page = read(tenant, "export mart " + mart, martSql(mart), range(from, to), Integer.MAX_VALUE);
        out.write(String.join(",", page.columns()) + "\n");
        for (List<Object> row : page.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(csv(value));
            }
            out.write(String.join(",", cells) + "\n");
        }
    }

    @Override
    public ResultPage query(TenantId tenant, String sql, Duration timeout, int maxRows) {
        String trimmed = sql.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("select") || lower.startsWith("with")) || trimmed.replaceAll(";\\s*$", "")
                .contains(";")) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot run the query of tenant %s: only one SELECT "
                    + "statement is allowed", tenant);
        }
        ResultPage page = read(tenant, "run the query", trimmed, List.of(), maxRows + 1);
        boolean more = page.rows().size() > maxRows;
        return new ResultPage(page.columns(), more ? page.rows().subList(0, maxRows) : page.rows(), more);
    }

    @Override
    public ResultPage quality(TenantId tenant) {
        return read(tenant, "read quality", "SELECT * FROM ops.dq_results ORDER BY checked_at DESC", List.of(),
                Integer.MAX_VALUE);
    }

    @Override
    public ResultPage freshness(TenantId tenant) {
        return read(tenant, "read freshness", "SELECT * FROM ops.freshness ORDER BY source, stream", List.of(),
                Integer.MAX_VALUE);
    }

    private void checkMart(TenantId tenant, String mart) {
        if (!marts(tenant).contains(mart)) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot read mart %s of tenant %s: no such mart", mart,
                    tenant);
        }
    }

    private static List<Object> range(LocalDate from, LocalDate to) {
        return List.of(from == null ? LocalDate.of(1, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to);
    }

    private static String martSql(String mart) {
        return "SELECT * FROM marts.\"" + mart + "\" WHERE day BETWEEN ? AND ? ORDER BY ALL";
    }

    private ResultPage read(TenantId tenant, String action, String sql, List<Object> params, int maxRows) {
        Connection connection = copies.get(tenant);
        if (connection == null) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot %s: no data for tenant %s", action, tenant);
        }
        synchronized (connection) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                statement.setMaxRows(maxRows);
                try (ResultSet rows = statement.executeQuery()) {
                    return page(rows, maxRows);
                }
            } catch (SQLException e) {
                throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot %s of tenant %s: %s", action, tenant,
                        e.getMessage());
            }
        }
    }

    private static ResultPage page(ResultSet rows, int maxRows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> values = new ArrayList<>();
        while (values.size() < maxRows && rows.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                Object value = rows.getObject(i);
                row.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
            }
            values.add(row);
        }
        return new ResultPage(columns, values, false);
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Override
    public void close() {
        copies.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        });
    }
}
