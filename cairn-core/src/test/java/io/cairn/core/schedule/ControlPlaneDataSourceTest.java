package io.cairn.core.schedule;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule tables' data source keeps PostgreSQL connections: opening one costs a server process. */
class ControlPlaneDataSourceTest {
    @Test
    void callsOneAfterAnotherReuseOneServerConnection() throws SQLException {
        ControlPlaneSettings settings = TestPostgres.newDatabase("pooled");
        try (ControlPlaneDataSource dataSource = new ControlPlaneDataSource(settings, 2)) {
            int first = backendPid(dataSource);
            int second = backendPid(dataSource);

            assertThat(second).as("the second call runs on the first call's server process").isEqualTo(first);
        }
    }

    @Test
    void aConnectionLeftInATransactionComesBackRolledBackInAutoCommit() throws SQLException {
        ControlPlaneSettings settings = TestPostgres.newDatabase("pooled_reset");
        try (ControlPlaneDataSource dataSource = new ControlPlaneDataSource(settings, 1)) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE marks (id INTEGER)");
                connection.setAutoCommit(false);
                statement.execute("INSERT INTO marks VALUES (1)");
            }
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM marks")) {
                rows.next();
                assertThat(connection.getAutoCommit()).isTrue();
                assertThat(rows.getInt(1)).as("the uncommitted insert was rolled back").isZero();
            }
        }
    }

    @Test
    void aClosedDataSourceRefusesConnections() throws SQLException {
        ControlPlaneDataSource dataSource = new ControlPlaneDataSource(TestPostgres.newDatabase("pooled_closed"));
        backendPid(dataSource);

        dataSource.close();

        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
    }

    private static int backendPid(ControlPlaneDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
