package io.cairn.warehouse.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.RawLoader;
import io.cairn.spi.warehouse.Dialect;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * A PostgreSQL database reached over JDBC. Connections come from a small pool and run with {@code TimeZone = 'UTC'}
 * (so date arithmetic on {@code timestamptz} matches the DuckDB warehouse) and, when a schema is configured, with
 * that schema first on the {@code search_path}.
 */
public final class PostgresWarehouse implements Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresWarehouse.class);

    private final ConnectionSettings settings;
    private final ConnectionPool pool;
    private final PostgresRawLoader rawLoader;
    private final PostgresTenantScope tenantScope;

    /**
     * How to reach the server.
     *
     * @param schema the first {@code search_path} entry, or null for the server default
     * @param poolSize idle connections kept open
     */
    public record ConnectionSettings(String url, String user, String password, String schema, int poolSize) {
        public ConnectionSettings {
            requireNonNull(url, "url is null");
        }

        @Override
        public String toString() {
            return "ConnectionSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "***")
                    + ", schema=" + schema + ", poolSize=" + poolSize + "]";
        }
    }

    private PostgresWarehouse(ConnectionSettings settings) {
        this.settings = settings;
        this.pool = new ConnectionPool(this::openPhysical, "SET TimeZone = 'UTC'", settings.poolSize());
        this.rawLoader = new PostgresRawLoader(this);
        this.tenantScope = new PostgresTenantScope(this);
    }

    /** Opens the warehouse and checks that the server answers. */
    public static PostgresWarehouse open(ConnectionSettings settings) {
        PostgresWarehouse warehouse = new PostgresWarehouse(settings);
        try (Connection connection = warehouse.connect()) {
            LOG.info("Opened PostgreSQL warehouse {} (server {})", settings.url(),
                    connection.getMetaData().getDatabaseProductVersion());
        }
        catch (SQLException | RuntimeException e) {
            warehouse.close();
            throw e instanceof CairnException cairn ? cairn : new CairnException(ErrorCode.WAREHOUSE, e,
                    "Cannot open PostgreSQL warehouse %s: %s", settings.url(), e.getMessage());
        }
        return warehouse;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public String type() {
        return PostgresWarehouseFactory.TYPE;
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public Connection connect() {
        return pool.borrow();
    }

    @Override
    public RawLoader rawLoader() {
        return rawLoader;
    }

    /** Row-level security through each tenant's reader role (see {@link PostgresTenantScope}). */
    @Override
    public TenantScope tenantScope() {
        return tenantScope;
    }

    @Override
    public void close() {
        pool.close();
    }

    private Connection openPhysical() {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        if (settings.schema() != null) {
            properties.setProperty("currentSchema", settings.schema() + ",public");
        }
        properties.setProperty("ApplicationName", "cairn");
        try {
            return DriverManager.getConnection(settings.url(), properties);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot connect to PostgreSQL warehouse %s as %s: %s",
                    settings.url(), settings.user(), e.getMessage());
        }
    }
}
