package io.cairn.warehouse.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.Envelope;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.raw.RawLoader;

import static io.cairn.warehouse.duckdb.StagingSql.STAGE;

/**
 * Lands raw files with DuckDB's readers in one transaction per file: stage the file, insert new record versions,
 * insert dead letters, write the ledger entry, commit. Loads into one raw table are serialized (the duplicate
 * check must see every committed row); loads into different tables run in parallel.
 */
final class DuckDbRawLoader implements RawLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbRawLoader.class);

    private final DuckDbWarehouse warehouse;
    private final StagingSql staging = new StagingSql();
    private final ConcurrentHashMap<String, ReentrantLock> tableLocks = new ConcurrentHashMap<>();
    private volatile boolean sharedTablesReady;

    DuckDbRawLoader(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public LoadResult land(LoadRequest request) {
        ReentrantLock lock = tableLocks.computeIfAbsent(request.qualifiedTable(), table -> new ReentrantLock());
        lock.lock();
        try (Connection connection = warehouse.connect()) {
            ensureCommonTables(connection, request.rawSchema());
            Optional<LoadResult> landed = findLanded(connection, request.rawSchema(), request.loadId());
            if (landed.isPresent()) {
                LOG.info("Load {} of {} landed before; nothing to do", request.loadId(), request.sourceFile());
                return landed.get().asReplayed();
            }
            RawTables.createStreamTable(connection, request.rawSchema(), request.rawTable());
            return landInTransaction(connection, request);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e,
                    "Cannot land file %s for tenant %s into %s: %s",
                    request.sourceFile(), request.tenant(), request.qualifiedTable(), e.getMessage());
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<LoadResult> findLanded(String loadId) {
        try (Connection connection = warehouse.connect()) {
            ensureCommonTables(connection, Envelope.RAW_SCHEMA);
            return findLanded(connection, Envelope.RAW_SCHEMA, loadId);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot read the load ledger for load %s: %s",
                    loadId, e.getMessage());
        }
    }

    @Override
    public void createTables(String rawSchema, String rawTable) {
        Envelope.checkSchema(rawSchema);
        try (Connection connection = warehouse.connect()) {
            ensureCommonTables(connection, rawSchema);
            if (rawTable != null) {
                RawTables.createStreamTable(connection, rawSchema, rawTable);
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot create the raw table %s.%s: %s", rawSchema,
                    rawTable, e.getMessage());
        }
    }

    private LoadResult landInTransaction(Connection connection, LoadRequest request) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long started = System.nanoTime();
            stage(connection, request);
            long staged = System.nanoTime();
            Counts counts = counts(connection, request);
            long landed = insertRecords(connection, request);
            long inserted = System.nanoTime();
            if (counts.dead() > 0) {
                insertDeadLetters(connection, request);
            }
            long warned = countWarned(connection, request);
            LoadResult result = new LoadResult(request.loadId(), counts.read(), landed,
                    counts.read() - counts.dead() - landed, counts.dead(), warned, counts.maxUpdatedAt(), false);
            insertLedger(connection, request, result);
            connection.commit();
            LOG.debug("Landed {}: staged in {} ms, inserted in {} ms, committed after {} ms", request.sourceFile(),
                    (staged - started) / 1_000_000, (inserted - staged) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
            return result;
        }
        catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + STAGE);
                statement.execute("DROP TABLE IF EXISTS " + StagingSql.REJECTS);
                statement.execute("DROP TABLE IF EXISTS " + StagingSql.REJECT_SCAN);
            }
        }
    }

    private void stage(Connection connection, LoadRequest request) throws SQLException {
        String path = path(request);
        if (request.format() == FileFormat.JSON_ARRAY) {
            checkJsonArray(connection, request, path);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                staging.createStage(request.format(), request.contract()))) {
            statement.setString(1, path);
            statement.execute();
        }
    }

    private static String path(LoadRequest request) {
        return request.file().toAbsolutePath().toString();
    }

    private void checkJsonArray(Connection connection, LoadRequest request, String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(staging.checkJsonArray())) {
            statement.setString(1, path);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || !rows.getBoolean(1)) {
                    throw new CairnException(ErrorCode.BAD_INPUT, "Cannot land file %s for tenant %s into %s: "
                            + "it is not one well-formed JSON array (truncated or malformed); the file stays in the "
                            + "raw zone", request.sourceFile(), request.tenant(), request.qualifiedTable());
                }
            }
        }
    }

    private record Counts(long read, long dead, String maxUpdatedAt) {}

    private Counts counts(Connection connection, LoadRequest request) throws SQLException {
        long rejected = 0;
        if (request.format() == FileFormat.CSV) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(staging.countCsvRejects())) {
                rows.next();
                rejected = rows.getLong(1);
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), count(*) FILTER (dead_reason IS NOT NULL), "
                        + "max(upd) FILTER (dead_reason IS NULL) FROM " + STAGE)) {
            rows.next();
            OffsetDateTime max = rows.getObject(3, OffsetDateTime.class);
            return new Counts(rows.getLong(1) + rejected, rows.getLong(2) + rejected,
                    max == null ? null : max.withOffsetSameInstant(ZoneOffset.UTC).toString());
        }
    }

    private static long insertRecords(Connection connection, LoadRequest request) throws SQLException {
        String table = RawTables.raw(request.rawSchema(), request.rawTable());
        try (Statement statement = connection.createStatement()) {
            // Copies of one record version within the file share (rid, h); keep one. The window sees only the
            // short keys and the row id, never the payloads.
            statement.execute("DELETE FROM " + STAGE + " WHERE rowid IN (SELECT rowid FROM (SELECT rowid, "
                    + "row_number() OVER (PARTITION BY rid, h) AS copy FROM " + STAGE
                    + " WHERE dead_reason IS NULL) WHERE copy > 1)");
        }
        String sql = "INSERT INTO " + table + " SELECT ?, ?, ?, rid, upd, ?, ?, ?, h, j, "
                + "CASE WHEN len(errs) = 0 THEN 'ok' ELSE 'warn' END, errs, deleted FROM " + STAGE + " s "
                + "WHERE dead_reason IS NULL AND NOT EXISTS (SELECT 1 FROM " + table + " r WHERE r.tenant_id = ? "
                + "AND r.source_record_id = s.rid AND r.record_hash = s.h)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, request.tenant().value());
            statement.setString(2, request.sourceSystem());
            statement.setString(3, request.stream());
            statement.setObject(4, OffsetDateTime.ofInstant(request.ingestedAt(), ZoneOffset.UTC));
            statement.setString(5, request.loadId());
            statement.setString(6, request.sourceFile());
            statement.setString(7, request.tenant().value());
            return statement.executeUpdate();
        }
    }

    private void insertDeadLetters(Connection connection, LoadRequest request) throws SQLException {
        String deadLetter = RawTables.deadLetter(request.rawSchema());
        String sql = "INSERT INTO " + deadLetter + " SELECT ?, ?, ?, ?, ?, line_no, text, md5(text), "
                + "dead_reason, ? FROM (" + staging.deadLetters(request.format(), request.contract()) + ") s "
                + "WHERE NOT EXISTS (SELECT 1 FROM " + deadLetter + " d WHERE d.tenant_id = ? "
                + "AND d.source_system = ? AND d.stream = ? AND d.line_no = s.line_no AND d.text_hash = md5(s.text))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, request.tenant().value());
            statement.setString(2, request.sourceSystem());
            statement.setString(3, request.stream());
            statement.setString(4, request.loadId());
            statement.setString(5, request.sourceFile());
            statement.setObject(6, OffsetDateTime.ofInstant(request.ingestedAt(), ZoneOffset.UTC));
            statement.setString(7, path(request));
            statement.setString(8, request.tenant().value());
            statement.setString(9, request.sourceSystem());
            statement.setString(10, request.stream());
            statement.executeUpdate();
        }
    }

    private static long countWarned(Connection connection, LoadRequest request) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM "
                + RawTables.raw(request.rawSchema(), request.rawTable()) + " WHERE load_id = ? AND dq_status = 'warn'")) {
            statement.setString(1, request.loadId());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insertLedger(Connection connection, LoadRequest request, LoadResult result)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO " + RawTables.ledger(request.rawSchema()) + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            statement.setObject(12, OffsetDateTime.now(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    private static Optional<LoadResult> findLanded(Connection connection, String schema, String loadId)
            throws SQLException {
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

    private void ensureCommonTables(Connection connection, String schema) throws SQLException {
        // Only the shared schema is remembered: a dedicated tenant's schema may be dropped (moved back, offboarded).
        if (Envelope.RAW_SCHEMA.equals(schema) && sharedTablesReady) {
            return;
        }
        synchronized (this) {
            RawTables.createCommon(connection, schema);
            sharedTablesReady |= Envelope.RAW_SCHEMA.equals(schema);
        }
    }
}
