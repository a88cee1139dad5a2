package io.cairn.core.model.materialize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.core.model.graph.Node;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Runs SQL for one node and turns warehouse errors into messages naming the node, its file and the line. */
public final class Sql {
    private static final Pattern LINE = Pattern.compile("LINE (\\d+):");

    private Sql() {}

    /** Executes {@code sql}; returns the update count (or -1). {@code lineOffset} lines precede the model's SQL. */
    public static long execute(Connection connection, Node node, String sql, int lineOffset) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return statement.getLargeUpdateCount();
        }
        catch (SQLException e) {
            throw failure(node, e, lineOffset);
        }
    }

    public static long execute(Connection connection, Node node, String sql) {
        return execute(connection, node, sql, -1);
    }

    /** Executes {@code statements} in order; the last one holds the model's SQL after one line of its own. */
    public static void executeAll(Connection connection, Node node, java.util.List<String> statements) {
        for (int i = 0; i < statements.size(); i++) {
            execute(connection, node, statements.get(i), i == statements.size() - 1 ? 1 : -1);
        }
    }

    /** The first column of the first row as a long. */
    public static long queryLong(Connection connection, Node node, String sql, int lineOffset) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
        catch (SQLException e) {
            throw failure(node, e, lineOffset);
        }
    }

    /** Runs {@code work} in one transaction, rolling back on failure. */
    public static void inTransaction(Connection connection, Node node, Runnable work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            }
            catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException e) {
            throw failure(node, e, -1);
        }
    }

    static CairnException failure(Node node, SQLException e, int lineOffset) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        Matcher m = LINE.matcher(message);
        String where = node.path();
        if (lineOffset >= 0 && m.find()) {
            where += " line " + Math.max(1, Integer.parseInt(m.group(1)) - lineOffset) + " (compiled SQL)";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return new CairnException(ErrorCode.WAREHOUSE, e, "Cannot build %s %s: %s: %s", node.type().key(),
                node.name(), where, firstLine);
    }
}
