package io.cairn.warehouse.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.cairn.spi.raw.Envelope;

/**
 * DDL of the raw schema: one table per stream, the dead-letter table, the load ledger, and the two safe-cast helpers
 * the staging SQL falls back to. Column names and meanings are those of the DuckDB warehouse; payloads are
 * {@code jsonb} and warnings {@code text[]}.
 */
final class RawTables {
    /** {@code raw._try_jsonb(text)}: the text as jsonb, or null when it does not parse (PostgreSQL 14 has no try-cast). */
    static final String TRY_JSONB = Envelope.RAW_SCHEMA + "._try_jsonb";
    /** {@code raw._try_timestamptz(text)}: the text as timestamptz, or null. */
    static final String TRY_TIMESTAMPTZ = Envelope.RAW_SCHEMA + "._try_timestamptz";

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1); longer names are silently truncated. */
    static final int MAX_IDENTIFIER = 63;

    private RawTables() {}

    /**
     * Creates what is missing of the schema, the dead-letter table, the ledger and the helpers. Each object is
     * checked first: PostgreSQL checks the CREATE privilege before {@code IF NOT EXISTS}, and the loader role may
     * use, but not create, objects an administrator made.
     */
    static void createCommon(Connection connection) throws SQLException {
        createLedgers(connection, Envelope.RAW_SCHEMA);
        try (Statement statement = connection.createStatement()) {
            if (!exists(connection, "to_regprocedure", TRY_JSONB + "(text)")) {
                statement.execute("CREATE FUNCTION " + TRY_JSONB + "(value text) RETURNS jsonb "
                        + "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$ BEGIN RETURN value::jsonb; "
                        + "EXCEPTION WHEN others THEN RETURN NULL; END $$");
            }
            if (!exists(connection, "to_regprocedure", TRY_TIMESTAMPTZ + "(text)")) {
                statement.execute("CREATE FUNCTION " + TRY_TIMESTAMPTZ + "(value text) RETURNS timestamptz "
                        + "LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$ BEGIN RETURN value::timestamptz; "
                        + "EXCEPTION WHEN others THEN RETURN NULL; END $$");
            }
        }
    }

    /** Creates what is missing of a raw schema ({@code raw} or {@code <tenant>_raw}), its dead letters and ledger. */
    static void createLedgers(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!exists(connection, "to_regnamespace", schema)) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresDialect.INSTANCE.quote(schema));
            }
            if (!exists(connection, "to_regclass", deadLetter(schema))) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + deadLetter(schema) + " ("
                        + "tenant_id text NOT NULL, source_system text NOT NULL, stream text NOT NULL, "
                        + "load_id text NOT NULL, source_file text NOT NULL, line_no bigint NOT NULL, "
                        + "raw_text text, text_hash text NOT NULL, reason text NOT NULL, "
                        + "ingested_at timestamptz NOT NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS _dead_letter_key ON " + deadLetter(schema)
                        + " (tenant_id, source_system, stream, line_no, text_hash)");
            }
            if (!exists(connection, "to_regclass", ledger(schema))) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + ledger(schema) + " ("
                        + "load_id text PRIMARY KEY, tenant_id text NOT NULL, source_system text NOT NULL, "
                        + "stream text NOT NULL, source_file text NOT NULL, records_read bigint NOT NULL, "
                        + "rows_landed bigint NOT NULL, rows_duplicate bigint NOT NULL, "
                        + "rows_dead_lettered bigint NOT NULL, rows_warned bigint NOT NULL, "
                        + "max_source_updated_at text, landed_at timestamptz NOT NULL)");
            }
        }
    }

    /** Whether {@code lookup(name)} ({@code to_regclass}, {@code to_regnamespace}, ...) finds the object. */
    static boolean exists(Connection connection, String lookup, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + lookup + "(?) IS NOT NULL")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    static void createStreamTable(Connection connection, String schema, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + raw(schema, table) + " ("
                    + "tenant_id text NOT NULL, source_system text NOT NULL, stream text NOT NULL, "
                    + "source_record_id text NOT NULL, source_updated_at timestamptz, "
                    + "ingested_at timestamptz NOT NULL, load_id text NOT NULL, source_file text NOT NULL, "
                    + "record_hash text NOT NULL, payload jsonb NOT NULL, dq_status text NOT NULL, "
                    + "dq_errors text[] NOT NULL, is_deleted boolean NOT NULL)");
            // The duplicate check's lookup, and the uniqueness DESIGN.md section 3 promises, enforced by the engine.
            statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + PostgresDialect.INSTANCE.quote(indexName(table))
                    + " ON " + raw(schema, table) + " (tenant_id, source_record_id, record_hash)");
        }
    }

    /** PostgreSQL truncates names past 63 bytes; a long table gets a shortened, still unique, index name. */
    private static String indexName(String table) {
        String name = table + "_record_key";
        if (name.length() <= MAX_IDENTIFIER) {
            return name;
        }
        return table.substring(0, 40) + "_" + Integer.toHexString(table.hashCode()) + "_record_key";
    }

    static String raw(String schema, String table) {
        return PostgresDialect.INSTANCE.relation(schema, table);
    }

    static String deadLetter(String schema) {
        return raw(schema, Envelope.DEAD_LETTER_TABLE);
    }

    static String ledger(String schema) {
        return raw(schema, Envelope.LOAD_LEDGER_TABLE);
    }
}
