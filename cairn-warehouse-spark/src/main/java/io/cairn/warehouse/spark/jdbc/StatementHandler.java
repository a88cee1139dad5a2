package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Statement} and {@link java.sql.PreparedStatement} over a Spark session. Each execution runs as its own Spark
 * job group, which {@code cancel()} and the query timeout cancel.
 */
final class StatementHandler implements SparkJdbc.Handler {
    private static final ScheduledExecutorService TIMEOUTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cairn-spark-statement-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private final SparkSession session;
    private final SqlGuard guard;
    private final Connection connection;
    private final String preparedSql;
    private final TreeMap<Integer, Object> parameters = new TreeMap<>();
    private final List<Object> batch = new ArrayList<>();
    private volatile boolean closed;
    private volatile String runningGroup;
    private volatile boolean timedOut;
    private volatile boolean cancelRequested;
    private long maxRows;
    private int queryTimeoutSeconds;
    private ResultSet resultSet;
    private long updateCount = -1;

    StatementHandler(SparkSession session, SqlGuard guard, Connection connection, String preparedSql) {
        this.session = session;
        this.guard = guard;
        this.connection = connection;
        this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (SparkJdbc.isObjectMethod(method)) {
            return SparkJdbc.objectMethod(self, method, args, "SparkStatement");
        }
        String name = method.getName();
        switch (name) {
            case "close" -> {
                closed = true;
                closeResult();
                return null;
            }
            case "isClosed" -> {
                return closed;
            }
            case "cancel" -> {
                String group = runningGroup;
                if (group != null) {
                    cancelRequested = true;
                    session.sparkContext().cancelJobGroup(group);
                }
                return null;
            }
            case "unwrap" -> {
                if (((Class<?>) args[0]).isInstance(self)) {
                    return self;
                }
                throw new SQLException("A Spark statement is not a " + ((Class<?>) args[0]).getName());
            }
            case "isWrapperFor" -> {
                return ((Class<?>) args[0]).isInstance(self);
            }
            default -> { }
        }
        if (closed) {
            throw new SQLException("The Spark statement is closed");
        }
        if (name.startsWith("set") && args.length >= 2 && args[0] instanceof Integer index
                && method.getDeclaringClass() == java.sql.PreparedStatement.class) {
            parameters.put(index, name.equals("setNull") ? null : args[1]);
            return null;
        }
        return switch (name) {
            case "execute" -> execute(sql(args), true);
            case "executeQuery" -> {
                execute(sql(args), true);
                if (resultSet == null) {
                    throw new SQLException("The statement returned no result set: " + abbreviate(sql(args)));
                }
                yield resultSet;
            }
            case "executeUpdate" -> {
                execute(sql(args), false);
                yield (int) Math.max(0, updateCount);
            }
            case "executeLargeUpdate" -> {
                execute(sql(args), false);
                yield Math.max(0, updateCount);
            }
            case "getResultSet" -> resultSet;
            case "getUpdateCount" -> (int) updateCount;
            case "getLargeUpdateCount" -> updateCount;
            case "getMoreResults" -> {
                closeResult();
                updateCount = -1;
                yield false;
            }
            case "setMaxRows", "setLargeMaxRows" -> {
                maxRows = ((Number) args[0]).longValue();
                yield null;
            }
            case "getMaxRows" -> (int) maxRows;
            case "getLargeMaxRows" -> maxRows;
            case "setQueryTimeout" -> {
                queryTimeoutSeconds = (Integer) args[0];
                yield null;
            }
            case "getQueryTimeout" -> queryTimeoutSeconds;
            case "getConnection" -> connection;
            case "clearParameters" -> {
                parameters.clear();
                yield null;
            }
            case "addBatch" -> {
                batch.add(args.length == 0 ? new TreeMap<>(parameters) : args[0]);
                yield null;
            }
            case "clearBatch" -> {
                batch.clear();
                yield null;
            }
            case "executeBatch" -> executeBatch();
            case "getWarnings" -> null;
            case "clearWarnings", "setFetchSize", "setEscapeProcessing", "setFetchDirection", "closeOnCompletion",
                    "setPoolable", "setCursorName" -> null;
            case "getFetchSize" -> 0;
            case "getResultSetType" -> ResultSet.TYPE_FORWARD_ONLY;
            case "getResultSetConcurrency" -> ResultSet.CONCUR_READ_ONLY;
            default -> throw SparkJdbc.unsupported(method);
        };
    }

    private String sql(Object[] args) throws SQLException {
        if (args.length > 0 && args[0] instanceof String text) {
            return text;
        }
        if (preparedSql == null) {
            throw new SQLException("No SQL to execute");
        }
        return preparedSql;
    }

    private int[] executeBatch() throws SQLException {
        int[] counts = new int[batch.size()];
        List<Object> entries = new ArrayList<>(batch);
        batch.clear();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof String text) {
                execute(text, false);
            }
            else {
                parameters.clear();
                @SuppressWarnings("unchecked")
                TreeMap<Integer, Object> bound = (TreeMap<Integer, Object>) entries.get(i);
                parameters.putAll(bound);
                execute(preparedSql, false);
            }
            counts[i] = Statement.SUCCESS_NO_INFO;
        }
        return counts;
    }

    /** Runs {@code sql}; returns true when it produced rows (a query, or a command such as SHOW with output). */
    private boolean execute(String sql, boolean wantRows) throws SQLException {
        closeResult();
        updateCount = -1;
        guard.check(session, sql);
        String group = "cairn-jdbc-" + UUID.randomUUID();
        var context = session.sparkContext();
        context.setJobGroup(group, abbreviate(sql), true);
        runningGroup = group;
        timedOut = false;
        cancelRequested = false;
        boolean hasTimeout = queryTimeoutSeconds > 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, queryTimeoutSeconds));
        // Spark cancels only jobs already submitted: a cancel that comes while the query is still being planned
        // would be lost, so a cancelled or timed-out statement keeps cancelling its group until it ends.
        ScheduledFuture<?> watch = TIMEOUTS.scheduleWithFixedDelay(() -> {
            if (hasTimeout && System.nanoTime() - deadline >= 0) {
                timedOut = true;
            }
            if (timedOut || cancelRequested) {
                context.cancelJobGroup(group);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            Dataset<Row> frame = parameters.isEmpty() ? session.sql(sql) : session.sql(sql, boundValues(sql));
            guard.checkAnalyzed(session, frame.queryExecution().analyzed());
            if (frame.schema().isEmpty()) {
                return false;
            }
            if (maxRows > 0) {
                frame = frame.limit((int) Math.min(Integer.MAX_VALUE, maxRows));
            }
            resultSet = Rows.of(frame).resultSet();
            return true;
        }
        catch (SQLException e) {
            throw e;
        }
        catch (Exception e) {
            if (timedOut) {
                throw new SQLTimeoutException("The statement ran longer than its timeout of " + queryTimeoutSeconds
                        + " s and was cancelled: " + abbreviate(sql), e);
            }
            throw toSqlException(e);
        }
        finally {
            watch.cancel(false);
            runningGroup = null;
            context.clearJobGroup();
        }
    }

    private Object[] boundValues(String sql) throws SQLException {
        Object[] values = new Object[parameters.isEmpty() ? 0 : parameters.lastKey()];
        for (int i = 1; i <= values.length; i++) {
            if (!parameters.containsKey(i)) {
                throw new SQLException("Parameter " + i + " is not set for: " + abbreviate(sql));
            }
            values[i - 1] = Rows.toSparkValue(parameters.get(i));
        }
        return values;
    }

    private void closeResult() throws SQLException {
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
    }

    /** Spark's error with its SQLSTATE, plus a {@code LINE n:} line where Spark knows the line. */
    static SQLException toSqlException(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        if (e instanceof org.apache.spark.sql.AnalysisException analysis) {
            // Without the logical plan Spark appends to an analysis error: it repeats the statement as a tree.
            message = analysis.getSimpleMessage().strip();
        }
        String state = e instanceof SparkThrowable spark ? spark.getSqlState() : null;
        if (e instanceof org.apache.spark.sql.AnalysisException analysis && analysis.line().isDefined()) {
            message += "\nLINE " + analysis.line().get() + ":";
        }
        return new SQLException(message, state, e);
    }

    static String abbreviate(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
