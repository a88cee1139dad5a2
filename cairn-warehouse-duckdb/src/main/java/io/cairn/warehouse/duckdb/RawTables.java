package io.cairn.warehouse.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.cairn.spi.raw.Envelope;

/**
 * DDL of a raw schema ({@code raw}, or {@code <tenant>_raw} for a dedicated tenant): one table per stream, the
 * dead-letter table and the load ledger.
 */
final class RawTables {
    private RawTables() {}

    static void createCommon(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + DuckDbDialect.INSTANCE.quote(schema));
            statement.execute("CREATE TABLE IF NOT EXISTS " + deadLetter(schema) + " ("
                    + "tenant_id VARCHAR NOT NULL, source_system VARCHAR NOT NULL, stream VARCHAR NOT NULL, "
                    + "load_id VARCHAR NOT NULL, source_file VARCHAR NOT NULL, line_no BIGINT NOT NULL, "
                    + "raw_text VARCHAR, text_hash VARCHAR NOT NULL, reason VARCHAR NOT NULL, "
                    + "ingested_at TIMESTAMPTZ NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + ledger(schema) + " ("
                    + "load_id VARCHAR NOT NULL, tenant_id VARCHAR NOT NULL, source_system VARCHAR NOT NULL, "
                    + "stream VARCHAR NOT NULL, source_file VARCHAR NOT NULL, records_read BIGINT NOT NULL, "
                    + "rows_landed BIGINT NOT NULL, rows_duplicate BIGINT NOT NULL, "
                    + "rows_dead_lettered BIGINT NOT NULL, rows_warned BIGINT NOT NULL, "
                    + "max_source_updated_at VARCHAR, landed_at TIMESTAMPTZ NOT NULL)");
        }
    }

    static void createStreamTable(Connection connection, String schema, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + raw(schema, table) + " ("
                    + "tenant_id VARCHAR NOT NULL, source_system VARCHAR NOT NULL, stream VARCHAR NOT NULL, "
                    + "source_record_id VARCHAR NOT NULL, source_updated_at TIMESTAMPTZ, "
                    + "ingested_at TIMESTAMPTZ NOT NULL, load_id VARCHAR NOT NULL, source_file VARCHAR NOT NULL, "
                    + "record_hash VARCHAR NOT NULL, payload JSON NOT NULL, dq_status VARCHAR NOT NULL, "
                    + "dq_errors VARCHAR[] NOT NULL, is_deleted BOOLEAN NOT NULL)");
        }
    }

    static String raw(String schema, String table) {
        return DuckDbDialect.INSTANCE.relation(schema, table);
    }

    static String deadLetter(String schema) {
        return raw(schema, Envelope.DEAD_LETTER_TABLE);
    }

    static String ledger(String schema) {
        return raw(schema, Envelope.LOAD_LEDGER_TABLE);
    }
}
