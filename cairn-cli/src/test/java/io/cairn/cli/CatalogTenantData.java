package io.cairn.cli;

import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.TenantData;
import io.cairn.server.TenantDataProvider;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;

/**
 * The tenant data the CLI test serves {@code cairn serve} with: the warehouse's mart names. The real serving
 * implementation registers its own provider; the CLI test reads nothing else.
 */
public final class CatalogTenantData implements TenantDataProvider {
    @Override
    public TenantData open(Warehouse warehouse, ControlPlane controlPlane) {
        return new TenantData() {
            @Override
            public List<String> marts(TenantId tenant) {
                try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                                + "WHERE table_schema = 'marts' ORDER BY 1")) {
                    List<String> marts = new ArrayList<>();
                    while (rows.next()) {
                        marts.add(rows.getString(1));
                    }
                    return marts;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public ResultPage readMart(TenantId tenant, String mart, LocalDate from, LocalDate to, int offset,
                    int limit) {
                throw new UnsupportedOperationException("the CLI test reads no mart");
            }

            @Override
            public void writeMartCsv(TenantId tenant, String mart, LocalDate from, LocalDate to, Writer out) {
                throw new UnsupportedOperationException("the CLI test reads no mart");
            }

            @Override
            public ResultPage query(TenantId tenant, String sql, Duration timeout, int maxRows) {
                throw new UnsupportedOperationException("the CLI test runs no query");
            }

            @Override
            public ResultPage quality(TenantId tenant) {
                throw new UnsupportedOperationException("the CLI test reads no quality");
            }

            @Override
            public ResultPage freshness(TenantId tenant) {
                throw new UnsupportedOperationException("the CLI test reads no freshness");
            }
        };
    }
}
