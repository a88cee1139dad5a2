package io.cairn.warehouse.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * A small, thread-safe pool: keeps up to {@code maxIdle} open connections and never blocks a caller (a borrow with
 * no idle connection opens a new one), so a caller holding two connections cannot deadlock it. A returned
 * connection is rolled back and reset with {@code DISCARD ALL}, so roles, settings, temp tables and prepared
 * statements never leak from one borrower to the next.
 */
final class ConnectionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
    private static final int VALIDATION_SECONDS = 2;

    private final Supplier<Connection> opener;
    private final String sessionSetup;
    private final LinkedBlockingDeque<Connection> idle;
    private volatile boolean closed;

    /**
     * @param opener opens a physical connection
     * @param sessionSetup SQL run on every new connection and after every reset (which returns settings to the
     *        values the connection started with)
     */
    ConnectionPool(Supplier<Connection> opener, String sessionSetup, int maxIdle) {
        this.opener = opener;
        this.sessionSetup = sessionSetup;
        this.idle = new LinkedBlockingDeque<>(Math.max(1, maxIdle));
    }

    /** A pooled connection; closing it returns the physical connection to the pool. */
    Connection borrow() {
        if (closed) {
            throw new IllegalStateException("the connection pool is closed");
        }
        Connection physical;
        while ((physical = idle.pollFirst()) != null) {
            if (isUsable(physical)) {
                return wrap(physical);
            }
            closeQuietly(physical);
        }
        Connection opened = opener.get();
        try (Statement statement = opened.createStatement()) {
            statement.execute(sessionSetup);
        }
        catch (SQLException e) {
            closeQuietly(opened);
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot set up a new warehouse connection with '%s': %s",
                    sessionSetup, e.getMessage());
        }
        return wrap(opened);
    }

    @Override
    public void close() {
        closed = true;
        Connection physical;
        while ((physical = idle.pollFirst()) != null) {
            closeQuietly(physical);
        }
    }

    private void release(Connection physical) {
        if (closed || !reset(physical) || !idle.offerFirst(physical)) {
            closeQuietly(physical);
        }
    }

    private boolean reset(Connection physical) {
        try {
            if (physical.isClosed()) {
                return false;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (physical.isReadOnly()) {
                physical.setReadOnly(false);
            }
            if (physical.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                physical.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            try (Statement statement = physical.createStatement()) {
                statement.execute("DISCARD ALL");
                statement.execute(sessionSetup);
            }
            return true;
        }
        catch (SQLException e) {
            LOG.debug("Dropping a pooled connection that could not be reset", e);
            return false;
        }
    }

    private static boolean isUsable(Connection physical) {
        try {
            return physical.isValid(VALIDATION_SECONDS);
        }
        catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection physical) {
        try {
            physical.close();
        }
        catch (SQLException e) {
            LOG.debug("Closing a pooled connection failed", e);
        }
    }

    private Connection wrap(Connection physical) {
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Handler(physical));
    }

    /** Forwards to the physical connection until {@code close()}, which hands it back exactly once. */
    private final class Handler implements InvocationHandler {
        private final Connection physical;
        private boolean released;

        Handler(Connection physical) {
            this.physical = physical;
        }

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!released) {
                        released = true;
                        release(physical);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return released || physical.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "pooled " + physical;
                }
                default -> {
                    if (released) {
                        throw new SQLException("The connection is closed (returned to the pool)", "08003");
                    }
                    try {
                        return method.invoke(physical, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }
}
