package io.cairn.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.TenantId;

/**
 * The locked-down in-memory DuckDB instances tenant connections come from, one per tenant copy, kept for the most
 * recently read tenants. An instance attaches the copy read-only, then disables external access and locks its
 * configuration; a tenant connection is a {@code duplicate()} of it. When the copy file is replaced (a new inode or
 * modification time), the next connection opens a new instance; connections of the old one keep reading the old
 * copy until they close (DuckDB keeps an instance alive while any of its connections is open).
 */
final class TenantReaders implements AutoCloseable {
    static final String ALIAS = "tenant";
    private static final Logger LOG = LoggerFactory.getLogger(TenantReaders.class);

    private final Properties properties;
    private final int capacity;
    private final Map<TenantId, Reader> readers = new LinkedHashMap<>(16, 0.75f, true);

    private record Reader(DuckDBConnection root, List<Object> version) {}

    TenantReaders(Properties properties, int capacity) {
        this.properties = properties;
        this.capacity = capacity;
    }

    /** A new connection to the tenant's copy, from the instance for its current version. */
    synchronized Connection connect(TenantId tenant, Path copy) throws SQLException {
        List<Object> version = version(copy);
        Reader reader = readers.get(tenant);
        if (reader == null || !reader.version().equals(version)) {
            if (reader != null) {
                closeQuietly(readers.remove(tenant));
            }
            reader = new Reader(open(copy), version);
            readers.put(tenant, reader);
            evict();
        }
        Connection connection = reader.root().duplicate();
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + ALIAS);
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        readers.values().forEach(TenantReaders::closeQuietly);
        readers.clear();
    }

    private DuckDBConnection open(Path copy) throws SQLException {
        DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
        try (Statement statement = root.createStatement()) {
            statement.execute("ATTACH " + DuckDbDialect.INSTANCE.literal(copy.toString()) + " AS " + ALIAS
                    + " (READ_ONLY)");
            statement.execute("SET GLOBAL TimeZone = 'UTC'");
            statement.execute("SET enable_external_access = false");
            statement.execute("SET lock_configuration = true");
            return root;
        }
        catch (SQLException e) {
            root.close();
            throw e;
        }
    }

    private void evict() {
        Iterator<Reader> oldest = readers.values().iterator();
        while (readers.size() > capacity && oldest.hasNext()) {
            closeQuietly(oldest.next());
            oldest.remove();
        }
    }

    /** Identifies one written copy: publishing moves a new file (a new inode) over the name. */
    private static List<Object> version(Path copy) throws SQLException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(copy, BasicFileAttributes.class);
            return java.util.Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        }
        catch (IOException e) {
            throw new SQLException("the published copy cannot be read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Reader reader) {
        try {
            reader.root().close();
        }
        catch (SQLException e) {
            LOG.debug("Closing a tenant reader instance failed", e);
        }
    }
}
