package io.cairn.warehouse.spark.raw;

import io.cairn.spi.raw.Envelope;
import io.cairn.warehouse.spark.SparkDialect;
import org.apache.spark.sql.SparkSession;

/**
 * DDL and names of a raw schema on Spark ({@code raw}, or {@code <tenant>_raw} for a dedicated tenant): one Iceberg
 * table per stream, partitioned by tenant, the dead-letter table and the load ledger, with the columns of the other
 * engines in Spark types.
 */
final class SparkRawTables {
    private SparkRawTables() {}

    static void createCommon(SparkSession session, String schema) {
        session.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkDialect.INSTANCE.quote(schema));
        session.sql("CREATE TABLE IF NOT EXISTS " + deadLetter(schema) + " ("
                + "tenant_id STRING, source_system STRING, stream STRING, load_id STRING, source_file STRING, "
                + "line_no BIGINT, raw_text STRING, text_hash STRING, reason STRING, ingested_at TIMESTAMP) "
                + "USING iceberg PARTITIONED BY (tenant_id)");
        session.sql("CREATE TABLE IF NOT EXISTS " + ledger(schema) + " ("
                + "load_id STRING, tenant_id STRING, source_system STRING, stream STRING, source_file STRING, "
                + "records_read BIGINT, rows_landed BIGINT, rows_duplicate BIGINT, rows_dead_lettered BIGINT, "
                + "rows_warned BIGINT, max_source_updated_at STRING, landed_at TIMESTAMP) USING iceberg");
    }

    static void createStreamTable(SparkSession session, String schema, String table) {
        session.sql("CREATE TABLE IF NOT EXISTS " + raw(schema, table) + " ("
                + "tenant_id STRING, source_system STRING, stream STRING, source_record_id STRING, "
                + "source_updated_at TIMESTAMP, ingested_at TIMESTAMP, load_id STRING, source_file STRING, "
                + "record_hash STRING, payload STRING, dq_status STRING, dq_errors ARRAY<STRING>, is_deleted BOOLEAN) "
                + "USING iceberg PARTITIONED BY (tenant_id)");
    }

    static String raw(String schema, String table) {
        return SparkDialect.INSTANCE.relation(schema, table);
    }

    static String deadLetter(String schema) {
        return raw(schema, Envelope.DEAD_LETTER_TABLE);
    }

    static String ledger(String schema) {
        return raw(schema, Envelope.LOAD_LEDGER_TABLE);
    }
}
