package io.cairn.models;

import java.math.BigDecimal;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code ops.dq_results}: what one check found for one tenant in one run.
 *
 * @param runId the run that checked
 * @param checkedAt when
 * @param checkName the check: a data test's name, {@code source_freshness}, {@code reconcile_sales_net}, ...
 * @param model the relation checked, e.g. {@code marts.fct_sales_by_day} or {@code raw.shopify__orders}
 * @param tenantId the tenant, or null for a check that is not per tenant (tests on seeds, unattributable rows)
 * @param status pass, warn or fail
 * @param severity {@code error} or {@code warn}: what a breach of this check means
 * @param observedValue what was measured (failing rows, a difference, hours, a day's value), or null
 * @param threshold the limit it was held against, or null
 * @param details one line explaining the observation
 */
public record DqResult(String runId, Instant checkedAt, String checkName, String model, String tenantId,
        DqStatus status, String severity, BigDecimal observedValue, BigDecimal threshold, String details) {
    public DqResult {
        requireNonNull(runId, "runId is null");
        requireNonNull(checkedAt, "checkedAt is null");
        requireNonNull(checkName, "checkName is null");
        requireNonNull(model, "model is null");
        requireNonNull(status, "status is null");
        requireNonNull(severity, "severity is null");
    }

    /** {@code observed 12 vs threshold 0}, for summaries. */
    public String observedVsThreshold() {
        return "observed " + plain(observedValue) + " vs threshold " + plain(threshold);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
