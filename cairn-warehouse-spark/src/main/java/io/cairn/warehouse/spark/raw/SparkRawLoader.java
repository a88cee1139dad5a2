package io.cairn.warehouse.spark.raw;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.Envelope;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.raw.RawLoader;
import io.cairn.warehouse.spark.SparkWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Lands raw files into Iceberg tables with Spark's own readers, one Spark session per load. Spark has no transaction
 * across tables, so the writes are ordered to make a crash at any point harmless: dead letters, then record
 * versions (both skip what is already there), then the ledger entry, last. A load whose ledger entry is missing is
 * landed again in full; what an interrupted attempt wrote carries the same load id, so it counts as landed by this
 * load and is not inserted twice. Loads into one raw table are serialized (the duplicate check must see every
 * committed row, and Iceberg's optimistic commits would conflict); loads into different tables run in parallel.
 */
public final class SparkRawLoader implements RawLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SparkRawLoader.class);
    private static final String STAGE = "cairn_stage";

    private final SparkWarehouse warehouse;
    private final SparkStagingSql staging = new SparkStagingSql();
    private final ConcurrentHashMap<String, ReentrantLock> tableLocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> schemaLocks = new ConcurrentHashMap<>();
    private volatile boolean sharedTablesReady;

    public SparkRawLoader(SparkWarehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    @Override
    public LoadResult land(LoadRequest request) {
        ReentrantLock lock = tableLocks.computeIfAbsent(request.qualifiedTable(), table -> new ReentrantLock());
        lock.lock();
        try {
            SparkSession session = session();
            ensureCommonTables(session, request.rawSchema());
            Optional<LoadResult> landed = findLanded(session, request.rawSchema(), request.loadId());
            if (landed.isPresent()) {
                LOG.info("Load {} of {} landed before; nothing to do", request.loadId(), request.sourceFile());
                return landed.get().asReplayed();
            }
            SparkRawTables.createStreamTable(session, request.rawSchema(), request.rawTable());
            return landStaged(session, request);
        }
        catch (CairnException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot land file %s for tenant %s into %s: %s",
                    request.sourceFile(), request.tenant(), request.qualifiedTable(), e.getMessage());
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<LoadResult> findLanded(String loadId) {
        try {
            SparkSession session = session();
            ensureCommonTables(session, Envelope.RAW_SCHEMA);
            return findLanded(session, Envelope.RAW_SCHEMA, loadId);
        }
        catch (RuntimeException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot read the load ledger for load %s: %s", loadId,
                    e.getMessage());
        }
    }

    @Override
    public void createTables(String rawSchema, String rawTable) {
        Envelope.checkSchema(rawSchema);
        try {
            SparkSession session = session();
            ensureCommonTables(session, rawSchema);
            if (rawTable != null) {
                SparkRawTables.createStreamTable(session, rawSchema, rawTable);
            }
        }
        catch (RuntimeException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot create the raw table %s.%s: %s", rawSchema,
                    rawTable, e.getMessage());
        }
    }

    private SparkSession session() {
        SparkSession session = warehouse.newSession();
        // DuckDB and PostgreSQL accept an object with a repeated key (the last one wins); so does landing here.
        session.conf().set("spark.sql.variant.allowDuplicateKeys", "true");
        return session;
    }

    private LoadResult landStaged(SparkSession session, LoadRequest request) {
        long started = System.nanoTime();
        long headerLines = RawFileReader.register(session, request.format(), request.file());
        Dataset<Row> stage = session.sql(staging.classify(request.contract())).persist(StorageLevel.MEMORY_AND_DISK());
        stage.createOrReplaceTempView(STAGE);
        try {
            Counts counts = counts(session, request, headerLines);
            LandingWrites writes = new LandingWrites(session, request, STAGE);
            if (counts.dead() > 0) {
                synchronized (schemaLock(request.rawSchema())) {
                    writes.insertDeadLetters(counts.lines());
                }
            }
            writes.insertRecords();
            LandingWrites.Landed landed = writes.landed();
            LoadResult result = new LoadResult(request.loadId(), counts.read(), landed.rows(),
                    counts.read() - counts.dead() - landed.rows(), counts.dead(), landed.warned(),
                    counts.maxUpdatedAt(), false);
            synchronized (schemaLock(request.rawSchema())) {
                writes.insertLedger(result);
            }
            LOG.info("Landed {} into {}: {} read, {} landed, {} duplicate, {} dead-lettered in {} ms",
                    request.sourceFile(), request.qualifiedTable(), result.recordsRead(), result.rowsLanded(),
                    result.rowsDuplicate(), result.rowsDeadLettered(), (System.nanoTime() - started) / 1_000_000);
            return result;
        }
        finally {
            stage.unpersist();
        }
    }

    /** The file's figures, and its line number offsets per Spark partition (see {@link LineNumbers}). */
    private record Counts(long read, long dead, String maxUpdatedAt, LineNumbers lines) {}

    private Counts counts(SparkSession session, LoadRequest request, long headerLines) {
        List<Row> parts = session.sql("SELECT " + LineNumbers.PARTITION + " AS part, count(*), count_if(NOT blank), "
                + "count_if(NOT blank AND dead_reason IS NOT NULL), "
                + "max(CASE WHEN NOT blank AND dead_reason IS NULL THEN upd END), bool_or(malformed) "
                + "FROM " + STAGE + " GROUP BY 1").collectAsList();
        long read = 0;
        long dead = 0;
        Instant max = null;
        Map<Long, Long> rowsPerPartition = new TreeMap<>();
        for (Row part : parts) {
            if (part.getBoolean(5)) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot land file %s for tenant %s into %s: it is not "
                        + "one well-formed JSON array (truncated or malformed); the file stays in the raw zone",
                        request.sourceFile(), request.tenant(), request.qualifiedTable());
            }
            rowsPerPartition.put(part.getLong(0), part.getLong(1));
            read += part.getLong(2);
            dead += part.getLong(3);
            Instant partMax = part.isNullAt(4) ? null : part.getAs(4);
            max = partMax == null || (max != null && max.isAfter(partMax)) ? max : partMax;
        }
        return new Counts(read, dead, max == null ? null : max.atOffset(ZoneOffset.UTC).toString(),
                LineNumbers.of(rowsPerPartition, headerLines));
    }

    private Optional<LoadResult> findLanded(SparkSession session, String schema, String loadId) {
        List<Row> rows = session.sql("SELECT records_read, rows_landed, rows_duplicate, rows_dead_lettered, "
                + "rows_warned, max_source_updated_at FROM " + SparkRawTables.ledger(schema) + " WHERE load_id = :load",
                Map.<String, Object>of("load", loadId)).collectAsList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        return Optional.of(new LoadResult(loadId, row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3),
                row.getLong(4), row.isNullAt(5) ? null : row.getString(5), false));
    }

    private void ensureCommonTables(SparkSession session, String schema) {
        // Only the shared schema is remembered: a dedicated tenant's schema may be dropped (moved back, offboarded).
        if (Envelope.RAW_SCHEMA.equals(schema) && sharedTablesReady) {
            return;
        }
        synchronized (schemaLock(schema)) {
            SparkRawTables.createCommon(session, schema);
            sharedTablesReady |= Envelope.RAW_SCHEMA.equals(schema);
        }
    }

    /** Writes to a schema's dead-letter table and ledger are serialized: every table of the schema shares them. */
    private Object schemaLock(String schema) {
        return schemaLocks.computeIfAbsent(schema, name -> new Object());
    }
}
