package io.cairn.warehouse.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.Envelope;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.raw.RawLoader;


/**
 * Lands raw files in one transaction per file: take the raw table's advisory lock, check the ledger, {@code COPY}
 * the file's records into a temporary table, classify them in SQL, insert new record versions, insert dead letters,
 * write the ledger entry, commit. The advisory lock serializes loads into one table across every process that
 * shares the database (the duplicate check must see every committed row); different tables land in parallel.
 */
final class PostgresRawLoader implements RawLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRawLoader.class);
    /** The first key of Cairn's advisory locks ("CAIR"), so they never collide with other applications' locks. */
    private static final int LOCK_CLASS = 0x43414952;
    private static final int COPY_BUFFER = 1 << 16;

    private final PostgresWarehouse warehouse;
    private final StagingSql staging = new StagingSql();
    private final LandingStatements statements = new LandingStatements();
    private volatile boolean commonTablesReady;

    PostgresRawLoader(PostgresWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public LoadResult land(LoadRequest request) {
        checkTableName(request);
        try (Connection connection = warehouse.connect()) {
            ensureCommonTables(connection);
            ensureSchema(connection, request.rawSchema());
            return inTransaction(connection, () -> {
                lock(connection, request.qualifiedTable());
                Optional<LoadResult> landed = statements.findLanded(connection, request.rawSchema(),
                        request.loadId());
                if (landed.isPresent()) {
                    LOG.info("Load {} of {} landed before; nothing to do", request.loadId(), request.sourceFile());
                    return landed.get().asReplayed();
                }
                if (!RawTables.exists(connection, "to_regclass",
                        RawTables.raw(request.rawSchema(), request.rawTable()))) {
                    RawTables.createStreamTable(connection, request.rawSchema(), request.rawTable());
                }
                return landFile(connection, request);
            });
        }
        catch (RawFeed.MalformedFileException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot land file %s for tenant %s into %s: it is not "
                    + "one well-formed JSON array (%s); the file stays in the raw zone", request.sourceFile(),
                    request.tenant(), request.qualifiedTable(), e.getMessage());
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot land file %s for tenant %s into %s: reading %s "
                    + "failed: %s", request.sourceFile(), request.tenant(), request.qualifiedTable(), request.file(),
                    e.getMessage());
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot land file %s for tenant %s into %s: %s",
                    request.sourceFile(), request.tenant(), request.qualifiedTable(), e.getMessage());
        }
    }

    @Override
    public Optional<LoadResult> findLanded(String loadId) {
        try (Connection connection = warehouse.connect()) {
            ensureCommonTables(connection);
            return statements.findLanded(connection, Envelope.RAW_SCHEMA, loadId);
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
            ensureCommonTables(connection);
            ensureSchema(connection, rawSchema);
            inTransaction(connection, () -> {
                lock(connection, rawSchema + "." + rawTable);
                if (rawTable != null) {
                    RawTables.createStreamTable(connection, rawSchema, rawTable);
                }
                return null;
            });
        }
        catch (SQLException | IOException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot create the raw table %s.%s: %s", rawSchema,
                    rawTable, e.getMessage());
        }
    }

    private LoadResult landFile(Connection connection, LoadRequest request) throws SQLException, IOException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL TimeZone = 'UTC'");
        }
        RawFeed feed = feedFor(request.format());
        long copied = copy(connection, request, feed);
        long copiedAt = System.nanoTime();
        stage(connection, request, feed);
        LandingStatements.Counts counts = statements.counts(connection);
        LandingStatements.Inserted inserted = statements.insertRecords(connection, request);
        if (counts.dead() > 0) {
            statements.insertDeadLetters(connection, request);
        }
        LoadResult result = new LoadResult(request.loadId(), counts.read(), inserted.rows(),
                counts.read() - counts.dead() - inserted.rows(), counts.dead(), inserted.warned(),
                counts.maxUpdatedAt(), false);
        statements.insertLedger(connection, request, result);
        LOG.info("Landed {} for tenant {} into {}: {} read, {} landed, {} duplicate, {} dead-lettered "
                        + "(copy {} ms, total {} ms)", request.sourceFile(), request.tenant(), request.qualifiedTable(),
                copied, result.rowsLanded(), result.rowsDuplicate(), result.rowsDeadLettered(),
                (copiedAt - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static RawFeed feedFor(FileFormat format) {
        return switch (format) {
            case JSONL -> new JsonLinesFeed();
            case JSON_ARRAY -> new JsonArrayFeed();
            case CSV -> new CsvFeed();
        };
    }

    private long copy(Connection connection, LoadRequest request, RawFeed feed) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : staging.createFeed(feed)) {
                statement.execute(sql);
            }
        }
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), staging.copyFeed(),
                COPY_BUFFER);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(request.file()), COPY_BUFFER)) {
            CopyText text = new CopyText(out);
            long rows = feed.write(in, text);
            text.flush();
            out.endCopy();
            return rows;
        }
        finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    /** Classifies the copied records: the fast SQL first, the safe SQL only when a record breaks a cast. */
    private void stage(Connection connection, LoadRequest request, RawFeed feed) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            createStage(connection, request, feed, false);
            connection.releaseSavepoint(savepoint);
        }
        catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("22")) {
                throw e;
            }
            LOG.debug("Fast staging of {} failed ({}); classifying with safe casts", request.sourceFile(),
                    e.getMessage());
            connection.rollback(savepoint);
            createStage(connection, request, feed, true);
        }
        if (request.format() == FileFormat.JSON_ARRAY) {
            statements.firstUnparsedElement(connection).ifPresent(element -> {
                throw new RawFeed.MalformedFileException("element " + element + " is not valid JSON");
            });
        }
    }

    private void createStage(Connection connection, LoadRequest request, RawFeed feed, boolean safe)
            throws SQLException {
        List<String> statements = staging.createStage(request.format(), request.contract(), safe);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements.subList(0, statements.size() - 1)) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(statements.get(statements.size() - 1))) {
            if (feed instanceof CsvFeed csv) {
                statement.setArray(1, connection.createArrayOf("text", csv.header().toArray()));
            }
            statement.execute();
        }
    }

    private static void lock(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, key.isEmpty() ? "raw." : key);
            statement.execute();
        }
    }

    private static void checkTableName(LoadRequest request) {
        if (request.rawTable().length() > RawTables.MAX_IDENTIFIER) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot land file %s for tenant %s into raw.%s: the table "
                    + "name is longer than PostgreSQL's %d-byte limit", request.sourceFile(), request.tenant(),
                    request.rawTable(), RawTables.MAX_IDENTIFIER);
        }
    }

    /**
     * Creates what is missing of a dedicated tenant's raw schema, its dead letters and ledger, in a short transaction of its
     * own under the schema's advisory lock: {@code CREATE SCHEMA IF NOT EXISTS} is not safe against a concurrent
     * create (two loads into different tables of one new schema would fail on the catalog's unique index), and
     * holding the lock only here keeps loads into different tables of the schema parallel. Checked on every load
     * (three catalog lookups), not cached: offboarding or a move may drop the schema between loads.
     */
    private void ensureSchema(Connection connection, String schema) throws SQLException {
        if (Envelope.RAW_SCHEMA.equals(schema)) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            lock(connection, "schema " + schema);
            RawTables.createLedgers(connection, schema);
            connection.commit();
        }
        catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(true);
        }
    }

    private void ensureCommonTables(Connection connection) throws SQLException {
        if (!commonTablesReady) {
            synchronized (this) {
                if (!commonTablesReady) {
                    connection.setAutoCommit(false);
                    try {
                        lock(connection, "");
                        RawTables.createCommon(connection);
                        connection.commit();
                    }
                    catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    }
                    finally {
                        connection.setAutoCommit(true);
                    }
                    commonTablesReady = true;
                }
            }
        }
    }

    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        }
        catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(true);
        }
    }
}
