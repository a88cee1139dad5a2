package io.cairn.core.controlplane;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.cairn.core.config.ControlPlaneSettings;

/** Reads every value of every control-plane table as text, to look for secrets in clear. */
final class ControlPlaneDump {
    private ControlPlaneDump() {
    }

    static String allText(ControlPlaneSettings settings) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = connect(settings)) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    if ("public".equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(rows.getString(i)).append('\t');
                        }
                        text.append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    static void execute(ControlPlaneSettings settings, String sql) throws SQLException {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(ControlPlaneSettings settings) throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.url(), properties);
    }
}
