package io.cairn.warehouse.spark.raw;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The writes of one load, from the classified rows of the staged file (view {@code stage}) into the raw schema. Each
 * is one Iceberg commit that skips what is already there, so any of them may run again after a crash.
 */
final class LandingWrites {
    /** What the raw table holds of this load: rows carrying its load id, and how many of them are warned. */
    record Landed(long rows, long warned) {}

    private final SparkSession session;
    private final LoadRequest request;
    private final String stage;
    private final String table;

    LandingWrites(SparkSession session, LoadRequest request, String stage) {
        this.session = session;
        this.request = request;
        this.stage = stage;
        this.table = SparkRawTables.raw(request.rawSchema(), request.rawTable());
    }

    /**
     * New record versions: one per (id, hash) within the file, none already in the table for the tenant. Which rows
     * are new is decided on the short keys and row positions alone (a window or an anti-join over whole rows would
     * move every payload through a shuffle); the payloads are then picked by position.
     */
    void insertRecords() {
        session.sql("INSERT INTO " + table + " SELECT :tenant, :system, :stream, rid, upd, :ingested, :load, :file, h, "
                + "j, CASE WHEN size(errs) = 0 THEN 'ok' ELSE 'warn' END, errs, deleted FROM " + stage + " s "
                + "LEFT SEMI JOIN (SELECT k.ord FROM (SELECT rid, h, min(ord) AS ord FROM " + stage
                + " WHERE NOT blank AND dead_reason IS NULL GROUP BY rid, h) k "
                + "LEFT ANTI JOIN (SELECT source_record_id, record_hash FROM " + table
                + " WHERE tenant_id = :tenant) r ON r.source_record_id = k.rid AND r.record_hash = k.h) n "
                + "ON s.ord = n.ord", envelope());
    }

    /**
     * Dead letters with their line numbers (element numbers for JSON arrays), unless the same text was dead-lettered
     * at the same line of the stream before.
     */
    void insertDeadLetters(LineNumbers lines) {
        String deadLetter = SparkRawTables.deadLetter(request.rawSchema());
        session.sql("INSERT INTO " + deadLetter + " SELECT :tenant, :system, :stream, :load, :file, line_no, text, "
                + "md5(text), dead_reason, :ingested FROM (SELECT " + lines.expression() + " AS line_no, "
                + "coalesce(bad_text, j, 'null') AS text, dead_reason FROM " + stage
                + " WHERE dead_reason IS NOT NULL) d "
                + "WHERE NOT EXISTS (SELECT 1 FROM " + deadLetter + " x WHERE x.tenant_id = :tenant "
                + "AND x.source_system = :system AND x.stream = :stream AND x.line_no = d.line_no "
                + "AND x.text_hash = md5(d.text))", envelope());
    }

    /** Counted from the table, so rows an interrupted earlier attempt of this load wrote count as landed. */
    Landed landed() {
        Row row = session.sql("SELECT count(*), count_if(dq_status = 'warn') FROM " + table
                + " WHERE tenant_id = :tenant AND load_id = :load", envelope()).first();
        return new Landed(row.getLong(0), row.getLong(1));
    }

    /** The ledger entry, written last: its presence means the load is complete. */
    void insertLedger(LoadResult result) {
        Map<String, Object> parameters = envelope();
        parameters.put("read", result.recordsRead());
        parameters.put("landed", result.rowsLanded());
        parameters.put("duplicate", result.rowsDuplicate());
        parameters.put("dead", result.rowsDeadLettered());
        parameters.put("warned", result.rowsWarned());
        parameters.put("max", result.maxSourceUpdatedAt());
        parameters.put("now", Instant.now());
        session.sql("INSERT INTO " + SparkRawTables.ledger(request.rawSchema()) + " VALUES (:load, :tenant, :system, "
                + ":stream, :file, :read, :landed, :duplicate, :dead, :warned, CAST(:max AS STRING), :now)",
                parameters);
    }

    private Map<String, Object> envelope() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", request.tenant().value());
        parameters.put("system", request.sourceSystem());
        parameters.put("stream", request.stream());
        parameters.put("load", request.loadId());
        parameters.put("file", request.sourceFile());
        parameters.put("ingested", request.ingestedAt());
        return parameters;
    }
}
