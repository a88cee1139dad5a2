package io.cairn.core.serving;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.StreamFreshness;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * {@link TenantData} on any warehouse with a {@link TenantScope}: every read, Cairn's own and the tenant's SQL,
 * runs on a tenant connection, so the engine decides what is visible. Tenants are checked against the control
 * plane; freshness comes from the control plane's landed loads. Thread-safe.
 */
public final class ScopedTenantData implements TenantData {
    /** The longest a mart page, a CSV export, quality or a mart listing may take. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
    static final List<String> QUALITY_COLUMNS = List.of("checked_at", "check_name", "model", "status", "severity",
            "observed_value", "threshold", "details", "run_id");
    static final List<String> FRESHNESS_COLUMNS = List.of("source", "stream", "last_load_id", "last_landed_at",
            "loads_landed", "rows_landed", "max_source_updated_at");
    private static final int CSV_FETCH_SIZE = 1000;

    private final Warehouse warehouse;
    private final ControlPlane controlPlane;
    private final Duration readTimeout;
    private final Function<TenantId, String> locator;
    private final MartQueries martQueries;

    public ScopedTenantData(Warehouse warehouse, ControlPlane controlPlane) {
        this(warehouse, controlPlane, DEFAULT_READ_TIMEOUT);
    }

    /** @param readTimeout how long Cairn's own reads (marts, CSV, quality) may run before they are cancelled */
    public ScopedTenantData(Warehouse warehouse, ControlPlane controlPlane, Duration readTimeout) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
        this.locator = TenantLocations.schemaPrefixes(controlPlane);
        this.martQueries = new MartQueries(warehouse.dialect());
    }

    @Override
    public List<String> marts(TenantId tenant) {
        try (Connection connection = open(tenant, readTimeout);
                Statement statement = connection.createStatement()) {
            return TimedStatements.run(statement, readTimeout,
                    () -> martQueries.catalog().relations(connection, scope().martsSchema(tenant)));
        }
        catch (SQLException e) {
            throw failed("list the marts", tenant, e);
        }
    }

    @Override
    public ResultPage readMart(TenantId tenant, String mart, LocalDate from, LocalDate to, int offset, int limit) {
        requireNonNull(mart, "mart is null");
        if (offset < 0 || limit < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot read mart %s of tenant %s: offset must be >= 0 "
                    + "and limit >= 1, got offset %d and limit %d", mart, tenant, offset, limit);
        }
        checkRange(tenant, mart, from, to);
        Optional<String> version = publishedVersion(tenant);
        try (Connection connection = open(tenant, readTimeout)) {
            MartQuery query = martQuery(connection, tenant, mart, version);
            try (PreparedStatement statement = prepare(connection, query, from, to, limit + 1L, offset)) {
                return TimedStatements.run(statement, readTimeout, () -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        return new JdbcValues(rows).page(limit);
                    }
                });
            }
        }
        catch (SQLException e) {
            throw failed("read mart " + mart, tenant, e);
        }
    }

    @Override
    public void writeMartCsv(TenantId tenant, String mart, LocalDate from, LocalDate to, Writer out)
            throws IOException {
        requireNonNull(mart, "mart is null");
        requireNonNull(out, "out is null");
        checkRange(tenant, mart, from, to);
        CsvWriter csv = new CsvWriter(out);
        Optional<String> version = publishedVersion(tenant);
        try (Connection connection = open(tenant, readTimeout)) {
            MartQuery query = martQuery(connection, tenant, mart, version);
            try (PreparedStatement statement = prepare(connection, query, from, to, 0, 0)) {
                statement.setFetchSize(CSV_FETCH_SIZE);
                TimedStatements.run(statement, readTimeout, () -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        JdbcValues values = new JdbcValues(rows);
                        csv.row(values.columns());
                        while (rows.next()) {
                            csv.row(values.current());
                        }
                    }
                    catch (IOException e) {
                        throw new SQLException(e);
                    }
                    return null;
                });
            }
        }
        catch (SQLException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw failed("export mart " + mart, tenant, e);
        }
        out.flush();
    }

    @Override
    public ResultPage query(TenantId tenant, String sql, Duration timeout, int maxRows) {
        requireNonNull(timeout, "timeout is null");
        if (maxRows < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot run the query of tenant %s: maxRows must be >= 1 "
                    + "and the timeout positive, got %d rows and %s", tenant, maxRows, timeout);
        }
        String statementSql = ReadOnlySql.check(tenant, sql);
        try (Connection connection = open(tenant, timeout); Statement statement = connection.createStatement()) {
            statement.setMaxRows(maxRows == Integer.MAX_VALUE ? 0 : maxRows + 1);
            return TimedStatements.run(statement, timeout, () -> {
                try (ResultSet rows = statement.executeQuery(statementSql)) {
                    return new JdbcValues(rows).page(maxRows);
                }
            });
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot run the query of tenant %s: %s", tenant,
                    EngineMessages.forTenant(e.getMessage()));
        }
    }

    @Override
    public ResultPage quality(TenantId tenant) {
        String sql = "SELECT " + String.join(", ", QUALITY_COLUMNS) + " FROM (SELECT r.*, row_number() OVER "
                + "(PARTITION BY check_name, model ORDER BY checked_at DESC, run_id DESC) AS cairn_rank FROM "
                + warehouse.dialect().relation(scope().opsSchema(tenant), "dq_results")
                + " r) latest WHERE cairn_rank = 1 "
                + "ORDER BY checked_at DESC, check_name, model";
        try (Connection connection = open(tenant, readTimeout); Statement statement = connection.createStatement()) {
            if (!martQueries.catalog().exists(connection, scope().opsSchema(tenant), "dq_results")) {
                return new ResultPage(QUALITY_COLUMNS, List.of(), false);
            }
            return TimedStatements.run(statement, readTimeout, () -> {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    return new JdbcValues(rows).page(Integer.MAX_VALUE);
                }
            });
        }
        catch (SQLException e) {
            throw failed("read the data-quality results", tenant, e);
        }
    }

    @Override
    public ResultPage freshness(TenantId tenant) {
        requireTenant(tenant);
        List<List<Object>> rows = new ArrayList<>();
        for (StreamFreshness stream : controlPlane.loads().freshness(tenant)) {
            rows.add(java.util.Arrays.asList(stream.source(), stream.stream(), stream.lastLoadId(),
                    stream.lastLandedAt() == null ? null : stream.lastLandedAt().atOffset(ZoneOffset.UTC),
                    stream.loadsLanded(), stream.rowsLanded(), stream.maxSourceUpdatedAt()));
        }
        return new ResultPage(FRESHNESS_COLUMNS, rows, false);
    }

    private Connection open(TenantId tenant, Duration timeout) {
        requireTenant(tenant);
        return scope().connect(tenant, timeout);
    }

    /** The warehouse's scope, told where each tenant's data lives (lazily: an engine without one fails on read). */
    private TenantScope scope() {
        TenantScope scope = warehouse.tenantScope();
        scope.locate(locator);
        return scope;
    }

    private void requireTenant(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        if (controlPlane.tenants().find(tenant).isEmpty()) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot read the data of tenant %s: there is no such "
                    + "tenant", tenant);
        }
    }

    /** The tenant's published version, read before a connection opens (see {@link MartQueries}). */
    private Optional<String> publishedVersion(TenantId tenant) {
        requireTenant(tenant);
        return scope().publishedVersion(tenant);
    }

    private MartQuery martQuery(Connection connection, TenantId tenant, String mart, Optional<String> version)
            throws SQLException {
        MartQuery query = martQueries.load(connection, tenant, scope().martsSchema(tenant), mart, version);
        if (!query.exists()) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot read mart %s of tenant %s: there is no such mart "
                    + "(the tenant's marts: %s)", mart, tenant, String.join(", ", marts(tenant)));
        }
        return query;
    }

    private static PreparedStatement prepare(Connection connection, MartQuery query, LocalDate from, LocalDate to,
            long limit, long offset) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.sql(from, to, limit, offset));
        List<Object> parameters = query.parameters(from, to);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static void checkRange(TenantId tenant, String mart, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot read mart %s of tenant %s: from %s is after to %s",
                    mart, tenant, from, to);
        }
    }

    private static CairnException failed(String action, TenantId tenant, SQLException e) {
        return new CairnException(ErrorCode.WAREHOUSE, e, "Cannot %s of tenant %s: %s", action, tenant,
                EngineMessages.forTenant(e.getMessage()));
    }
}
