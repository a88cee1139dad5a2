package io.cairn.core.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cairn.core.config.ControlPlaneSettings;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static java.util.Objects.requireNonNull;

/**
 * A pooled {@link DataSource} on the control plane, what db-scheduler and the schedule tables need. Every scheduled
 * run takes about six connections (pick, schedule lookup, run guard taken and freed, outcome, reschedule); opening a
 * PostgreSQL connection costs about 10 ms (a new server process), a statement well under 1 ms, so connections are
 * kept: at most {@code maxConnections}, each closed after a minute unused. Nothing connects until the first call.
 * Keep the {@code ControlPlane} open beside it for an embedded H2 file, so the file stays open, and close this when
 * done.
 */
public final class ControlPlaneDataSource implements DataSource, AutoCloseable {
    /** Enough for a scheduler's default threads, its polling and the run guard's renewals at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10;
    private static final Duration IDLE = Duration.ofMinutes(1);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String url;
    private final HikariDataSource pool;

    public ControlPlaneDataSource(ControlPlaneSettings settings) {
        this(settings, DEFAULT_MAX_CONNECTIONS);
    }

    public ControlPlaneDataSource(ControlPlaneSettings settings, int maxConnections) {
        requireNonNull(settings, "settings is null");
        this.url = settings.url();
        HikariConfig config = new HikariConfig();
        config.setPoolName("cairn-control-plane-" + POOLS.incrementAndGet());
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setIdleTimeout(IDLE.toMillis());
        // like DriverManager before: constructing connects to nothing, the first call reports a bad URL
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    /** A connection of other credentials, outside the pool. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("ControlPlaneDataSource does not use java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("ControlPlaneDataSource does not wrap " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** Closes the idle connections; connections still borrowed are closed when given back. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "ControlPlaneDataSource[" + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + "]";
    }
}
