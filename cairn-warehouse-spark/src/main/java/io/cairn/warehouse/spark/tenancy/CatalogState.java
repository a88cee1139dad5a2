package io.cairn.warehouse.spark.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fingerprint of the warehouse's Iceberg catalog: every table's and view's current metadata file, as Iceberg's
 * JDBC catalog records it. Any commit to any table or view changes it, so a published copy whose recorded
 * fingerprint differs from the current one may be stale. One small query on the catalog database.
 */
final class CatalogState {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogState.class);
    /** What a catalog that cannot be read reports; never equal to a real fingerprint. */
    static final String UNKNOWN = "unknown";

    private CatalogState() {}

    static String of(String catalogUrl, String catalogName) {
        try (Connection connection = DriverManager.getConnection(catalogUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_namespace, table_name, metadata_location "
                        + "FROM iceberg_tables WHERE catalog_name = '" + catalogName.replace("'", "''")
                        + "' ORDER BY table_namespace, table_name")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            while (rows.next()) {
                for (int i = 1; i <= 3; i++) {
                    digest.update(String.valueOf(rows.getString(i)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (SQLException | NoSuchAlgorithmException e) {
            LOG.debug("Cannot read the state of the Iceberg catalog", e);
            return UNKNOWN;
        }
    }
}
