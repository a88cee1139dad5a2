package io.cairn.models;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.project.Freshness;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

/**
 * Source freshness per tenant and raw stream, from the load profiles in {@code ops.dq_stream_loads}:
 * {@code source_freshness} holds the age of the tenant's newest load of the stream against the source's
 * {@code freshness} rule in {@code _sources.yml} (beyond {@code error_after} fails, beyond {@code warn_after} warns);
 * {@code source_activity} holds the age of the newest source change time ({@code source_updated_at}) against
 * {@code var('cairn_dq_activity_warn_hours')} for the streams in {@code var('cairn_dq_activity_streams')}, and
 * only warns (a source can be quiet for good reasons).
 */
final class FreshnessChecks {
    static final String LOADS_TABLE = "dq_stream_loads";

    private final Warehouse warehouse;
    private final TenantLayout layout;
    private final String runId;
    private final Instant now;

    /** Checks the load profiles of {@code layout} ({@code <ops>.dq_stream_loads}) against its raw sources. */
    FreshnessChecks(Warehouse warehouse, TenantLayout layout, String runId, Instant now) {
        this.warehouse = warehouse;
        this.layout = layout;
        this.runId = runId;
        this.now = now;
    }

    /** The load profiles of a layout. */
    static String loads(TenantLayout layout) {
        return layout.schema("ops") + "." + LOADS_TABLE;
    }

    List<DqResult> rows(Collection<Node> nodes, Duration activityLimit, Set<String> activityStreams) {
        List<DqResult> rows = new ArrayList<>();
        for (Map<String, Object> stream : newestLoads()) {
            String relation = layout.rawSchema() + "." + stream.get("source_system") + "__" + stream.get("stream");
            Freshness rule = rule(nodes, relation);
            String tenant = (String) stream.get("tenant_id");
            Instant loaded = instant(stream.get("last_loaded_at"));
            Instant changed = instant(stream.get("last_changed_at"));
            if (rule != null && loaded != null) {
                rows.add(freshness(relation, tenant, loaded, rule));
            }
            if (activityLimit != null && changed != null
                    && activityStreams.contains(stream.get("source_system") + "__" + stream.get("stream"))) {
                Duration age = Duration.between(changed, now);
                boolean stale = age.compareTo(activityLimit) > 0;
                rows.add(new DqResult(runId, now, "source_activity", relation, tenant,
                        stale ? DqStatus.WARN : DqStatus.PASS, "warn", hours(age), hours(activityLimit),
                        "newest source change " + changed + ", " + hours(age) + " h ago"));
            }
        }
        return rows;
    }

    private DqResult freshness(String relation, String tenant, Instant loaded, Freshness rule) {
        Duration age = Duration.between(loaded, now);
        DqStatus status = DqStatus.PASS;
        Duration limit = rule.warnAfter() != null ? rule.warnAfter() : rule.errorAfter();
        if (rule.errorAfter() != null && age.compareTo(rule.errorAfter()) > 0) {
            status = DqStatus.FAIL;
            limit = rule.errorAfter();
        }
        else if (rule.warnAfter() != null && age.compareTo(rule.warnAfter()) > 0) {
            status = DqStatus.WARN;
        }
        String severity = rule.errorAfter() != null ? "error" : "warn";
        return new DqResult(runId, now, "source_freshness", relation, tenant, status, severity, hours(age),
                limit == null ? null : hours(limit), "newest load " + loaded + ", " + hours(age) + " h ago");
    }

    private List<Map<String, Object>> newestLoads() {
        try {
            if (!WarehouseRows.exists(warehouse, layout.schema("ops"), LOADS_TABLE)) {
                return List.of();
            }
            return WarehouseRows.query(warehouse, "SELECT tenant_id, source_system, stream, "
                    + "max(loaded_at) AS last_loaded_at, max(max_source_updated_at) AS last_changed_at FROM " + loads(layout)
                    + " GROUP BY tenant_id, source_system, stream ORDER BY tenant_id, source_system, stream");
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot check source freshness from %s: %s", loads(layout),
                    e.getMessage());
        }
    }

    private static Freshness rule(Collection<Node> nodes, String relation) {
        for (Node node : nodes) {
            if (node.type() == ResourceType.SOURCE && node.displayRelation().equals(relation)) {
                return node.source().freshness();
            }
        }
        return null;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return null;
    }

    static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }
}
