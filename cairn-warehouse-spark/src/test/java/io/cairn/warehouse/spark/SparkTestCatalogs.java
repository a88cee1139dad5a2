package io.cairn.warehouse.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Closes the H2 catalog database of a closed test warehouse. Iceberg's catalogs live as long as the shared Spark
 * context and keep the database open, and H2's lock watchdog would recreate its lock file in a JUnit temporary folder
 * while JUnit deletes it.
 */
final class SparkTestCatalogs {
    private SparkTestCatalogs() {}

    static void shutdown(Path warehouseFolder) {
        String url = "jdbc:h2:file:" + warehouseFolder.resolve("catalog") + ";AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE"
                + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot shut down the catalog database of " + warehouseFolder, e);
        }
    }
}
