package io.cairn.warehouse.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;

import static io.cairn.warehouse.postgres.StagingSql.STAGE;

/** The statements that move classified records from the stage into the raw tables, and read the ledger. */
final class LandingStatements {
    record Counts(long read, long dead, String maxUpdatedAt) {}

    record Inserted(long rows, long warned) {}

    Counts counts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE dead_reason IS NOT "
                        + "NULL), max(upd) FILTER (WHERE dead_reason IS NULL) FROM " + STAGE)) {
            rows.next();
            OffsetDateTime max = rows.getObject(3, OffsetDateTime.class);
            return new Counts(rows.getLong(1), rows.getLong(2),
                    max == null ? null : max.withOffsetSameInstant(ZoneOffset.UTC).toString());
        }
    }

    /**
     * Inserts the new record versions. The unique index on (tenant, id, hash) answers both "already in the table"
     * and "a second copy in this file" with {@code ON CONFLICT DO NOTHING}.
     */
    Inserted insertRecords(Connection connection, LoadRequest request) throws SQLException {
        String sql = "WITH ins AS (INSERT INTO " + RawTables.raw(request.rawSchema(), request.rawTable()) + " (tenant_id, source_system, "
                + "stream, source_record_id, source_updated_at, ingested_at, load_id, source_file, record_hash, "
                + "payload, dq_status, dq_errors, is_deleted) "
                + "SELECT ?, ?, ?, rid, upd, ?, ?, ?, h, j, "
                + "CASE WHEN cardinality(errs) = 0 THEN 'ok' ELSE 'warn' END, errs, deleted FROM " + STAGE
                + " WHERE dead_reason IS NULL "
                + "ON CONFLICT (tenant_id, source_record_id, record_hash) DO NOTHING RETURNING dq_status) "
                + "SELECT count(*), count(*) FILTER (WHERE dq_status = 'warn') FROM ins";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, request.tenant().value());
            statement.setString(2, request.sourceSystem());
            statement.setString(3, request.stream());
            statement.setObject(4, OffsetDateTime.ofInstant(request.ingestedAt(), ZoneOffset.UTC));
            statement.setString(5, request.loadId());
            statement.setString(6, request.sourceFile());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Inserted(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /** Inserts the dead letters with their lines, skipping ones a replay of the same content already recorded. */
    void insertDeadLetters(Connection connection, LoadRequest request) throws SQLException {
        String sql = "INSERT INTO " + RawTables.deadLetter(request.rawSchema()) + " (tenant_id, source_system, stream, load_id, "
                + "source_file, line_no, raw_text, text_hash, reason, ingested_at) "
                + "SELECT ?, ?, ?, ?, ?, line_no, dead_text, md5(dead_text), dead_reason, ? FROM " + STAGE + " s "
                + "WHERE dead_reason IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + RawTables.deadLetter(request.rawSchema()) + " d "
                + "WHERE d.tenant_id = ? AND d.source_system = ? AND d.stream = ? AND d.line_no = s.line_no "
                + "AND d.text_hash = md5(s.dead_text))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, request.tenant().value());
            statement.setString(2, request.sourceSystem());
            statement.setString(3, request.stream());
            statement.setString(4, request.loadId());
            statement.setString(5, request.sourceFile());
            statement.setObject(6, OffsetDateTime.ofInstant(request.ingestedAt(), ZoneOffset.UTC));
            statement.setString(7, request.tenant().value());
            statement.setString(8, request.sourceSystem());
            statement.setString(9, request.stream());
            statement.executeUpdate();
        }
    }

    void insertLedger(Connection connection, LoadRequest request, LoadResult result) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + RawTables.ledger(request.rawSchema())
                + " (load_id, tenant_id, source_system, stream, source_file, records_read, rows_landed, "
                + "rows_duplicate, rows_dead_lettered, rows_warned, max_source_updated_at, landed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())")) {
            statement.setString(1, request.loadId());
            statement.setString(2, request.tenant().value());
            statement.setString(3, request.sourceSystem());
            statement.setString(4, request.stream());
            statement.setString(5, request.sourceFile());
            statement.setLong(6, result.recordsRead());
            statement.setLong(7, result.rowsLanded());
            statement.setLong(8, result.rowsDuplicate());
            statement.setLong(9, result.rowsDeadLettered());
            statement.setLong(10, result.rowsWarned());
            statement.setString(11, result.maxSourceUpdatedAt());
            statement.executeUpdate();
        }
    }

    Optional<LoadResult> findLanded(Connection connection, String schema, String loadId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT records_read, rows_landed, "
                + "rows_duplicate, rows_dead_lettered, rows_warned, max_source_updated_at FROM "
                + RawTables.ledger(schema) + " WHERE load_id = ?")) {
            statement.setString(1, loadId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LoadResult(loadId, rows.getLong(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getString(6), false));
            }
        }
    }

    /** The number of the first JSON-array element that did not parse, if any. */
    Optional<Long> firstUnparsedElement(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT min(line_no) FROM " + STAGE + " WHERE j IS NULL")) {
            rows.next();
            long element = rows.getLong(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(element);
        }
    }
}
