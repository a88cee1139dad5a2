package io.cairn.models;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;



/**
 * The warehouse table {@code ops.dq_results} ({@code <tenant>_ops.dq_results} for a dedicated tenant's layout, where
 * its tenant connection reads it): append-only, one row per check, relation, tenant and run.
 */public final class DqResultsTable {
    public static final String SCHEMA = "ops";
    public static final String NAME = "dq_results";
    public static final String TABLE = SCHEMA + "." + NAME;

    /** Rows per INSERT statement: one statement per chunk, not per row (each is a commit on Spark/Iceberg). */
    private static final int CHUNK = 500;

    private static final String COLUMNS = "run_id, checked_at, check_name, model, tenant_id, status, severity, "
            + "observed_value, threshold, details";

    private DqResultsTable() {}

    /** The table in the ops schema {@code opsSchema} ({@code ops} or {@code <tenant>_ops}). */
    public static String table(String opsSchema) {
        return opsSchema + "." + NAME;
    }

    /** Creates {@code ops.dq_results} when missing and appends the rows in one transaction. */
    public static void append(Warehouse warehouse, List<DqResult> rows) {
        append(warehouse, SCHEMA, rows);
    }

    /** Creates {@code <opsSchema>.dq_results} when missing and appends the rows in one transaction. */
    public static void append(Warehouse warehouse, String opsSchema, List<DqResult> rows) {
        String table = table(opsSchema);
        try (Connection connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + opsSchema);
                statement.execute(warehouse.type().equals("spark") ? ddl(table, "STRING", "TIMESTAMP")
                        : ddl(table, "VARCHAR", "TIMESTAMPTZ"));
            }
            for (int from = 0; from < rows.size(); from += CHUNK) {
                insert(connection, table, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
            }
            connection.commit();
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot append %d rows to %s: %s", rows.size(), table,
                    e.getMessage());
        }
    }

    private static String ddl(String table, String text, String instant) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (run_id " + text + " NOT NULL, checked_at " + instant
                + " NOT NULL, check_name " + text + " NOT NULL, model " + text + " NOT NULL, tenant_id " + text + ", "
                + "status " + text + " NOT NULL, severity " + text + " NOT NULL, observed_value DECIMAL(20, 4), "
                + "threshold DECIMAL(20, 4), details " + text + ")";
    }

    /** One multi-row INSERT with bound values. */
    private static void insert(Connection connection, String table, List<DqResult> rows) throws SQLException {
        String values = String.join(", ", java.util.Collections.nCopies(rows.size(),
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + COLUMNS + ") VALUES " + values)) {
            int i = 0;
            for (DqResult row : rows) {
                insert.setString(++i, row.runId());
                insert.setObject(++i, OffsetDateTime.ofInstant(row.checkedAt(), ZoneOffset.UTC));
                insert.setString(++i, row.checkName());
                insert.setString(++i, row.model());
                insert.setString(++i, row.tenantId());
                insert.setString(++i, row.status().key());
                insert.setString(++i, row.severity());
                insert.setBigDecimal(++i, row.observedValue());
                insert.setBigDecimal(++i, row.threshold());
                insert.setString(++i, row.details());
            }
            insert.executeUpdate();
        }
    }

    /** The rows one run recorded, ordered by tenant, check and relation. */
    public static List<DqResult> read(Warehouse warehouse, String runId) {
        return read(warehouse, SCHEMA, runId);
    }

    /** The rows one run recorded in {@code <opsSchema>.dq_results}, ordered by tenant, check and relation. */
    public static List<DqResult> read(Warehouse warehouse, String opsSchema, String runId) {
        String table = table(opsSchema);
        String sql = "SELECT " + COLUMNS + " FROM " + table + " WHERE run_id = ? "
                + "ORDER BY tenant_id NULLS FIRST, check_name, model";
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, runId);
            List<DqResult> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DqResult(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), DqStatus.of(rs.getString(6)), rs.getString(7),
                            decimal(rs, 8), decimal(rs, 9), rs.getString(10)));
                }
            }
            return rows;
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot read %s of run %s: %s", table, runId,
                    e.getMessage());
        }
    }

    private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column);
    }
}
