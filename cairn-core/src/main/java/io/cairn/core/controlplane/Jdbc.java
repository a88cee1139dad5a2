package io.cairn.core.controlplane;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * Connections to the control-plane database: a few idle ones are kept for reuse, and for an embedded H2 file one
 * more stays open for the life of this object so the database is not closed and reopened between calls.
 * Every {@link SQLException} leaves as a {@link CairnException} naming the operation.
 */
final class Jdbc implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    /** Above a pipeline's parallelism (4 by default, 8 in the benchmark): with fewer, concurrent task writes kept
     * closing and reopening connections, about 10 ms each on PostgreSQL. */
    private static final int MAX_IDLE = 16;
    private static final String UNIQUE_VIOLATION = "23505";

    private final String url;
    private final Properties properties = new Properties();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Connection keepOpen;
    private boolean closed;

    /** The work done with one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    Jdbc(ControlPlaneSettings settings) {
        this.url = settings.url();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        this.keepOpen = url.startsWith("jdbc:h2:") ? connectOrFail() : null;
    }

    /** The url with any password parameter masked, for messages and logs. */
    String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private Connection connectOrFail() {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new CairnException(ErrorCode.CONTROL_PLANE, e, "Cannot connect to the control plane at %s: %s",
                    displayUrl(), reason(e));
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    <T> T call(String action, Work<T> work) {
        return run(action, false, work);
    }

    /** Runs {@code work} in one transaction, rolled back if it throws. */
    <T> T transaction(String action, Work<T> work) {
        return run(action, true, work);
    }

    /**
     * Runs an update-else-insert {@code work} in one transaction, once more if a concurrent writer inserted the
     * same key first.
     */
    <T> T upsert(String action, Work<T> work) {
        try {
            return run(action, true, work);
        } catch (CairnException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                LOG.debug("Retrying '{}' after a concurrent insert", action);
                return run(action, true, work);
            }
            throw e;
        }
    }

    private <T> T run(String action, boolean transactional, Work<T> work) {
        Connection connection = null;
        boolean healthy = false;
        try {
            connection = borrow();
            T result = transactional ? inTransaction(connection, work) : work.run(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw translate(action, e);
        } finally {
            release(connection, healthy);
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static CairnException translate(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // Every foreign key of the control plane points at tenants.
        if (state.equals("23503") || state.equals("23506")) {
            return new CairnException(ErrorCode.NOT_FOUND, e, "Cannot %s: the tenant is not registered", action);
        }
        return new CairnException(ErrorCode.CONTROL_PLANE, e, "Cannot %s: %s", action, reason(e));
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private synchronized Connection borrow() throws SQLException {
        if (closed) {
            throw new CairnException(ErrorCode.CONTROL_PLANE, "Cannot use the control plane at %s: it is closed",
                    displayUrl());
        }
        Connection connection = idle.pollFirst();
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }

    private synchronized void release(Connection connection, boolean healthy) {
        if (connection == null) {
            return;
        }
        if (healthy && !closed && idle.size() < MAX_IDLE) {
            idle.addFirst(connection);
        } else {
            closeQuietly(connection);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(Jdbc::closeQuietly);
        idle.clear();
        if (keepOpen != null) {
            closeQuietly(keepOpen);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Cannot close a control-plane connection: {}", e.getMessage());
        }
    }
}
