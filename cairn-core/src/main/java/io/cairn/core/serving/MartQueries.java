package io.cairn.core.serving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Dialect;

/**
 * The {@link MartQuery} of each tenant's marts, kept per published version of the tenant's data
 * ({@link io.cairn.spi.warehouse.TenantScope#publishedVersion}), so a mart read looks its columns up once per publish
 * rather than on every request. The version is read before the connection is opened: the connection then sees
 * that version or a newer one, so an entry never holds older columns than its version says. Engines that cannot
 * name a version get no caching. Thread-safe.
 */
final class MartQueries {
    private record Key(TenantId tenant, String schema, String mart) {}

    private record Entry(String version, MartQuery query) {}

    private final Dialect dialect;
    private final MartCatalog catalog;
    private final ConcurrentMap<Key, Entry> cache = new ConcurrentHashMap<>();

    MartQueries(Dialect dialect) {
        this.dialect = dialect;
        this.catalog = MartCatalog.of(dialect);
    }

    MartCatalog catalog() {
        return catalog;
    }

    /** The mart's query; {@code version} is the tenant's published version read before {@code connection} opened. */
    MartQuery load(Connection connection, TenantId tenant, String schema, String mart, Optional<String> version)
            throws SQLException {
        Key key = new Key(tenant, schema, mart);
        if (version.isPresent()) {
            Entry entry = cache.get(key);
            if (entry != null && entry.version().equals(version.get())) {
                return entry.query();
            }
        }
        MartQuery query = new MartQuery(dialect, schema, mart, List.copyOf(catalog.columns(connection, schema, mart)));
        if (version.isPresent() && query.exists()) {
            cache.put(key, new Entry(version.get(), query));
        }
        return query;
    }
}
