package io.cairn.warehouse.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.cairn.spi.raw.Envelope;

/** DDL of the raw schema: one table per stream, the dead-letter table and the load ledger. */
final class RawTables {
    private RawTables() {}

    static void createCommon(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Envelope.RAW_SCHEMA);
            statement.execute("CREATE TABLE IF NOT EXISTS " + deadLetter() + " ("
                    + "tenant_id VARCHAR NOT NULL, source_system VARCHAR NOT NULL, stream VARCHAR NOT NULL, "
                    + "load_id VARCHAR NOT NULL, source_file VARCHAR NOT NULL, line_no BIGINT NOT NULL, "
                    + "raw_text VARCHAR, text_hash VARCHAR NOT NULL, reason VARCHAR NOT NULL, "
                    + "ingested_at TIMESTAMPTZ NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + ledger() + " ("
                    + "load_id VARCHAR NOT NULL, tenant_id VARCHAR NOT NULL, source_system VARCHAR NOT NULL, "
                    + "stream VARCHAR NOT NULL, source_file VARCHAR NOT NULL, records_read BIGINT NOT NULL, "
                    + "rows_landed BIGINT NOT NULL, rows_duplicate BIGINT NOT NULL, "
                    + "rows_dead_lettered BIGINT NOT NULL, rows_warned BIGINT NOT NULL, "
                    + "max_source_updated_at VARCHAR, landed_at TIMESTAMPTZ NOT NULL)");
        }
    }

    static void createStreamTable(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + raw(table) + " ("
                    + "tenant_id VARCHAR NOT NULL, source_system VARCHAR NOT NULL, stream VARCHAR NOT NULL, "
                    + "source_record_id VARCHAR NOT NULL, source_updated_at TIMESTAMPTZ, "
                    + "ingested_at TIMESTAMPTZ NOT NULL, load_id VARCHAR NOT NULL, source_file VARCHAR NOT NULL, "
                    + "record_hash VARCHAR NOT NULL, payload JSON NOT NULL, dq_status VARCHAR NOT NULL, "
                    + "dq_errors VARCHAR[] NOT NULL, is_deleted BOOLEAN NOT NULL)");
        }
    }

    static String raw(String table) {
        return DuckDbDialect.INSTANCE.relation(Envelope.RAW_SCHEMA, table);
    }

    static String deadLetter() {
        return raw(Envelope.DEAD_LETTER_TABLE);
    }

    static String ledger() {
        return raw(Envelope.LOAD_LEDGER_TABLE);
    }
}
