package io.cairn.models;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.model.NodeResult;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.spi.warehouse.Warehouse;

/**
 * The engine's data tests as per-tenant rows. The engine counts a test's failing rows across all tenants; for a
 * test that warned or failed, its compiled query is run again grouped by {@code tenant_id} so each tenant gets its
 * own count (the package's generic tests keep {@code tenant_id} in their failing rows). A passing test passes for
 * every tenant. Tests on seeds are not per tenant and get one row without a tenant, as do failing rows that carry
 * no tenant.
 */
final class TestChecks {
    private static final Logger LOG = LoggerFactory.getLogger(TestChecks.class);

    private final Warehouse warehouse;
    private final Dag dag;
    private final List<String> tenants;
    private final String runId;
    private final Instant now;

    TestChecks(Warehouse warehouse, Dag dag, List<String> tenants, String runId, Instant now) {
        this.warehouse = warehouse;
        this.dag = dag;
        this.tenants = List.copyOf(tenants);
        this.runId = runId;
        this.now = now;
    }

    List<DqResult> rows(RunResult result) {
        List<DqResult> rows = new ArrayList<>();
        for (NodeResult test : result.results()) {
            Node node = dag.nodes().get(test.uniqueId());
            if (node == null || node.type() != ResourceType.TEST || test.status() == NodeStatus.SKIPPED) {
                continue;
            }
            rows.addAll(rows(test, node));
        }
        return rows;
    }

    private List<DqResult> rows(NodeResult test, Node node) {
        Node tested = node.testedNode() == null ? null : dag.nodes().get(node.testedNode());
        String model = tested == null ? node.displayRelation() : tested.displayRelation();
        boolean perTenant = tested != null && tested.type() != ResourceType.SEED;
        String severity = node.config().severity().equals("warn") ? "warn" : "error";
        List<String> scope = perTenant ? tenants : nullTenant();
        List<DqResult> rows = new ArrayList<>();
        switch (test.status()) {
            case PASS -> scope.forEach(t -> rows.add(row(node, model, t, DqStatus.PASS, severity, 0, "PASS")));
            case WARN, FAIL -> {
                Map<String, Long> failures = perTenant ? failuresByTenant(test) : Map.of();
                long attributed = failures.values().stream().mapToLong(Long::longValue).sum();
                for (String tenant : scope) {
                    long count = tenant == null ? test.failures() : failures.getOrDefault(tenant, 0L);
                    rows.add(row(node, model, tenant, count == 0 ? DqStatus.PASS : DqStatus.breach(severity),
                            severity, count, count == 0 ? "PASS" : count + " failing rows"));
                }
                if (perTenant && attributed < test.failures()) {
                    long rest = test.failures() - attributed;
                    rows.add(row(node, model, null, DqStatus.breach(severity), severity, rest,
                            rest + " failing rows without a tenant of this deployment"));
                }
            }
            default -> scope.forEach(t -> rows.add(row(node, model, t, DqStatus.FAIL, severity, -1,
                    "test did not run: " + firstLine(test.message()))));
        }
        return rows;
    }

    /** Failing rows per tenant_id, or empty when the test's rows carry no tenant_id (then nothing is attributed). */
    private Map<String, Long> failuresByTenant(NodeResult test) {
        String sql = test.compiledCode() == null ? null : test.compiledCode().strip();
        if (sql == null || sql.isEmpty()) {
            return Map.of();
        }
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            for (Map<String, Object> row : WarehouseRows.query(warehouse, "SELECT tenant_id, count(*) AS failures "
                    + "FROM (\n" + sql + "\n) dq_failing WHERE tenant_id IS NOT NULL GROUP BY tenant_id")) {
                counts.put(String.valueOf(row.get("tenant_id")), ((Number) row.get("failures")).longValue());
            }
        }
        catch (SQLException e) {
            LOG.debug("Test {} keeps no tenant_id in its failing rows: {}", test.name(), e.getMessage());
            return Map.of();
        }
        return counts;
    }

    private DqResult row(Node node, String model, String tenant, DqStatus status, String severity, long observed,
            String details) {
        return new DqResult(runId, now, node.name(), model, tenant, status, severity,
                observed < 0 ? null : BigDecimal.valueOf(observed), BigDecimal.ZERO, details);
    }

    private static List<String> nullTenant() {
        List<String> scope = new ArrayList<>();
        scope.add(null);
        return scope;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
