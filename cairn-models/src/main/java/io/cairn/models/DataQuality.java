package io.cairn.models;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * The data-quality layer of the bundled package, run after a build: turns the engine's test results, the
 * per-tenant source freshness and the quality models' checks ({@code ops.dq_check_results}) into rows of
 * {@code ops.dq_results}, per tenant wherever the check is per tenant, stamped with the run id.
 *
 * <pre>{@code
 * RunResult build = engine.build(Selection.all(), options);
 * DataQualityReport report = new DataQuality(warehouse, Clock.systemUTC()).record(engine, build, runId);
 * }</pre>
 */
public final class DataQuality {
    private static final Logger LOG = LoggerFactory.getLogger(DataQuality.class);
    static final String ACTIVITY_HOURS_VAR = "cairn_dq_activity_warn_hours";
    static final String ACTIVITY_STREAMS_VAR = "cairn_dq_activity_streams";

    private final Warehouse warehouse;
    private final Clock clock;
    private final TenantLayout layout;

    /** The data quality of the shared layout. */
    public DataQuality(Warehouse warehouse, Clock clock) {
        this(warehouse, clock, TenantLayout.SHARED);
    }

    /**
     * The data quality of one layout's build: read from its own schemas and recorded in its own
     * {@code <tenant>_ops.dq_results} for a dedicated tenant, where that tenant's connection reads them.
     */
    public DataQuality(Warehouse warehouse, Clock clock, TenantLayout layout) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    /** The table results are recorded in: {@code ops.dq_results} or {@code <tenant>_ops.dq_results}. */
    public String resultsTable() {
        return DqResultsTable.table(layout.schema(DqResultsTable.SCHEMA));
    }

    /** Evaluates the run's checks and appends them to {@link #resultsTable}. */
    public DataQualityReport record(ModelEngine engine, RunResult result, String runId) {
        MDC.put("run", runId);
        try {
            DataQualityReport report = evaluate(engine, result, runId);
            DqResultsTable.append(warehouse, layout.schema(DqResultsTable.SCHEMA), report.results());
            LOG.info("Recorded {} data-quality results of run {}: {} pass, {} warn, {} fail",
                    report.results().size(), runId, report.count(DqStatus.PASS), report.count(DqStatus.WARN),
                    report.count(DqStatus.FAIL));
            return report;
        }
        finally {
            MDC.remove("run");
        }
    }

    /** The rows {@link #record} would append, without writing them. */
    public DataQualityReport evaluate(ModelEngine engine, RunResult result, String runId) {
        Instant now = clock.instant();
        List<DqResult> rows = new ArrayList<>(new TestChecks(warehouse, engine.dag(), tenants(), runId, now)
                .rows(result));
        Map<String, Object> vars = engine.project().config().projectVars();
        rows.addAll(new FreshnessChecks(warehouse, layout, runId, now).rows(engine.dag().nodes().values(),
                activityLimit(vars.get(ACTIVITY_HOURS_VAR)), activityStreams(vars.get(ACTIVITY_STREAMS_VAR))));
        boolean modelChecksBuilt = result.result(ModelChecks.MODEL)
                .map(r -> r.status() == NodeStatus.SUCCESS).orElse(false);
        if (modelChecksBuilt) {
            rows.addAll(ModelChecks.rows(warehouse, layout.schema("ops"), runId, now));
        }
        else {
            LOG.warn("Run {} did not build {}: reconciliation, anomaly, late-record and schema-drift checks are "
                    + "not recorded", runId, ModelChecks.MODEL);
        }
        return new DataQualityReport(runId, rows);
    }

    /** The tenants of the deployment: the platform's directory {@code cairn.tenants}, else those that landed. */
    private List<String> tenants() {
        Set<String> tenants = new LinkedHashSet<>();
        try {
            if (WarehouseRows.exists(warehouse, layout.schema("cairn"), "tenants")) {
                WarehouseRows.query(warehouse, "SELECT tenant_id FROM " + layout.schema("cairn")
                        + ".tenants ORDER BY tenant_id").forEach(row -> tenants.add((String) row.get("tenant_id")));
            }
            if (WarehouseRows.exists(warehouse, layout.schema("ops"), FreshnessChecks.LOADS_TABLE)) {
                WarehouseRows.query(warehouse, "SELECT DISTINCT tenant_id FROM " + FreshnessChecks.loads(layout)
                        + " ORDER BY tenant_id").forEach(row -> tenants.add((String) row.get("tenant_id")));
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot list the tenants for data quality: %s",
                    e.getMessage());
        }
        return List.copyOf(tenants);
    }

    private static Duration activityLimit(Object hours) {
        return hours instanceof Number n ? Duration.ofMinutes(Math.round(n.doubleValue() * 60)) : null;
    }

    private static Set<String> activityStreams(Object streams) {
        Set<String> names = new LinkedHashSet<>();
        if (streams instanceof List<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        }
        return names;
    }
}
