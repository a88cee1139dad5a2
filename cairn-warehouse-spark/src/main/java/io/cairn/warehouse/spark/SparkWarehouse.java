package io.cairn.warehouse.spark;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.RawLoader;
import io.cairn.spi.warehouse.Dialect;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.spark.jdbc.SparkJdbc;
import io.cairn.warehouse.spark.tenancy.SparkTenantScope;
import io.cairn.warehouse.spark.raw.SparkRawLoader;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse of Iceberg tables in Spark. Schemas ({@code raw}, {@code staging}, {@code marts}, {@code ops}, ...) are
 * namespaces of the Iceberg catalog {@value #CATALOG}, whose catalog database is Iceberg's JDBC catalog (an H2 file
 * by default, so views work too) and whose data files live under {@code <folder>/data}.
 *
 * <p>The catalog is configured per session, never on the Spark context: a session made with
 * {@link SparkSession#newSession()} sees no Cairn catalog at all, which is what tenant sessions build on. Every
 * {@link #connect()} is a new session, so {@code USE}, {@code SET} and temporary views stay on one connection.
 */
public final class SparkWarehouse implements Warehouse {
    /** The name of the Iceberg catalog holding every Cairn schema, and the sessions' default catalog. */
    public static final String CATALOG = "cairn";

    private static final Logger LOG = LoggerFactory.getLogger(SparkWarehouse.class);

    private final Options options;
    private final String catalogUrl;
    private final SparkSession root;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SparkTenantScope tenantScope;
    private final SparkRawLoader rawLoader = new SparkRawLoader(this);

    /**
     * How to open a Spark warehouse.
     *
     * @param folder the warehouse folder: Iceberg data files under {@code data/}, the default catalog database
     * @param master Spark's master URL, e.g. {@code local[2]}
     * @param catalogUrl the JDBC URL of Iceberg's catalog database, or null for an H2 file in {@code folder}
     * @param spark further {@code spark.*} settings for the Spark context
     */
    public record Options(Path folder, String master, String catalogUrl, Map<String, String> spark) {
        public Options {
            requireNonNull(folder, "folder is null");
            requireNonNull(master, "master is null");
            spark = Map.copyOf(requireNonNull(spark, "spark is null"));
        }
    }

    private SparkWarehouse(Options options, String catalogUrl, SparkSession root) {
        this.options = options;
        this.catalogUrl = catalogUrl;
        this.root = root;
    }

    /** Opens the warehouse in {@code options.folder()}, starting Spark unless this JVM already runs it. */
    public static SparkWarehouse open(Options options) {
        try {
            Files.createDirectories(options.folder().resolve("data"));
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot create the Spark warehouse folder %s: %s",
                    options.folder(), e.getMessage());
        }
        String catalogUrl = options.catalogUrl() != null ? options.catalogUrl()
                : "jdbc:h2:file:" + options.folder().resolve("catalog") + ";AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE";
        SparkSession root = SparkSessions.acquire(options.master(), options.folder(), options.spark());
        SparkWarehouse warehouse = new SparkWarehouse(options, catalogUrl, root);
        LOG.info("Opened Spark warehouse {} on {}", options.folder(), root.sparkContext().master());
        return warehouse;
    }

    /** The warehouse folder. */
    public Path folder() {
        return options.folder();
    }

    /**
     * A new Spark session with the Cairn catalog as its default catalog; it shares the Spark context (and its
     * cached data) with every other session, nothing else.
     */
    public SparkSession newSession() {
        checkOpen();
        SparkSession session = root.newSession();
        configureCatalog(session, CATALOG, catalogUrl, options.folder().resolve("data"));
        session.conf().set("spark.sql.defaultCatalog", CATALOG);
        return session;
    }

    /**
     * A new Spark session without any Cairn catalog (only Spark's own, empty session catalog): what tenant sessions
     * are built from.
     */
    public SparkSession bareSession() {
        checkOpen();
        return root.newSession();
    }

    /** The JDBC URL of Iceberg's catalog database. */
    public String catalogUrl() {
        return catalogUrl;
    }

    /**
     * Per-tenant published copies under {@code <folder>/published/<tenant>} (see {@link SparkTenantScope}); one
     * scope per warehouse.
     */
    @Override
    public TenantScope tenantScope() {
        SparkTenantScope scope = tenantScope;
        if (scope == null) {
            synchronized (this) {
                if (tenantScope == null) {
                    tenantScope = new SparkTenantScope(this, options.folder().resolve("published"));
                }
                scope = tenantScope;
            }
        }
        return scope;
    }

    /**
     * Points the session's catalog {@code name} at an Iceberg JDBC catalog: {@code catalogUrl} holds the catalog,
     * {@code dataFolder} the data files. Caching is off, so a session sees other sessions' commits at once.
     */
    public static void configureCatalog(SparkSession session, String name, String catalogUrl, Path dataFolder) {
        String prefix = "spark.sql.catalog." + name;
        session.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        session.conf().set(prefix + ".type", "jdbc");
        session.conf().set(prefix + ".uri", catalogUrl);
        session.conf().set(prefix + ".jdbc.schema-version", "V1");
        session.conf().set(prefix + ".warehouse", dataFolder.toUri().toString());
        session.conf().set(prefix + ".cache-enabled", "false");
    }

    @Override
    public String type() {
        return SparkWarehouseFactory.TYPE;
    }

    @Override
    public Dialect dialect() {
        return SparkDialect.INSTANCE;
    }

    /** A JDBC view of a new session (see {@link SparkJdbc}); the caller closes it. */
    @Override
    public Connection connect() {
        return SparkJdbc.connect(newSession(), "jdbc:cairn-spark:" + options.folder());
    }

    /** Lands raw files with Spark's readers (see {@link SparkRawLoader}); one loader per warehouse. */
    @Override
    public RawLoader rawLoader() {
        checkOpen();
        return rawLoader;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            SparkSessions.release();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new CairnException(ErrorCode.WAREHOUSE, "Spark warehouse %s is closed", options.folder());
        }
    }
}
