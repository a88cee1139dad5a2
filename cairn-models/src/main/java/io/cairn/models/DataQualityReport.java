package io.cairn.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What one data-quality pass recorded: every row, and a summary per tenant. */
public record DataQualityReport(String runId, List<DqResult> results) {
    public DataQualityReport {
        Objects.requireNonNull(runId, "runId is null");
        results = List.copyOf(results);
    }

    /**
     * Counts per status and the checks that did not pass, failures first.
     *
     * @param tenantId the tenant, or null for the checks that are not per tenant
     */
    public record TenantSummary(String tenantId, long passed, long warned, long failed, List<DqResult> problems) {
        public TenantSummary {
            problems = List.copyOf(problems);
        }
    }

    /** One summary per tenant (sorted; the checks without a tenant under a null key, first). */
    public Map<String, TenantSummary> byTenant() {
        Map<String, List<DqResult>> grouped = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (DqResult result : results) {
            grouped.computeIfAbsent(result.tenantId(), t -> new ArrayList<>()).add(result);
        }
        Map<String, TenantSummary> summaries = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        grouped.forEach((tenant, rows) -> summaries.put(tenant, summarize(tenant, rows)));
        return summaries;
    }

    /** The rows of one check for one tenant (every relation it ran on). */
    public List<DqResult> find(String tenantId, String checkName) {
        return results.stream()
                .filter(r -> Objects.equals(r.tenantId(), tenantId) && r.checkName().equals(checkName))
                .toList();
    }

    public long count(DqStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static TenantSummary summarize(String tenant, List<DqResult> rows) {
        List<DqResult> problems = rows.stream().filter(r -> r.status() != DqStatus.PASS)
                .sorted(Comparator.comparing((DqResult r) -> r.status() == DqStatus.FAIL ? 0 : 1)
                        .thenComparing(DqResult::checkName).thenComparing(DqResult::model))
                .toList();
        return new TenantSummary(tenant, count(rows, DqStatus.PASS), count(rows, DqStatus.WARN),
                count(rows, DqStatus.FAIL), problems);
    }

    private static long count(List<DqResult> rows, DqStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
