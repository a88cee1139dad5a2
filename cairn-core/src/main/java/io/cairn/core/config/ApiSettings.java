package io.cairn.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code api:} section of {@code cairn.yml}: what {@code cairn serve} listens on and the limits it enforces.
 *
 * @param port the HTTP port (0: any free port)
 * @param requestsPerSecond the rate at which each API key's token bucket refills
 * @param burst the bucket's size: requests a key may make at once
 * @param queryTimeout how long one {@code POST /tenants/{id}/query} statement may run
 * @param queryRowLimit the most rows one query returns
 * @param defaultPlan the plan of tenants without one of their own
 * @param plans usage limits by plan name
 */
public record ApiSettings(int port, double requestsPerSecond, int burst, Duration queryTimeout, int queryRowLimit,
                          String defaultPlan, Map<String, Plan> plans) {
    /**
     * Usage limits of a plan; an empty limit is unlimited.
     *
     * @param runsPerDay pipeline runs a tenant may start per UTC day
     * @param rowsLandedPerMonth rows a tenant may land per UTC calendar month
     */
    public record Plan(Optional<Long> runsPerDay, Optional<Long> rowsLandedPerMonth) {
        public static final Plan UNLIMITED = new Plan(Optional.empty(), Optional.empty());

        public Plan {
            requireNonNull(runsPerDay, "runsPerDay is null");
            requireNonNull(rowsLandedPerMonth, "rowsLandedPerMonth is null");
        }
    }

    public ApiSettings {
        requireNonNull(queryTimeout, "queryTimeout is null");
        requireNonNull(defaultPlan, "defaultPlan is null");
        plans = Map.copyOf(requireNonNull(plans, "plans is null"));
    }

    /** The defaults: port 8080, 20 requests/s with bursts of 40, 30 s and 10,000 rows per query, no quotas. */
    public static ApiSettings defaults() {
        return new ApiSettings(8080, 20, 40, Duration.ofSeconds(30), 10_000, "default", Map.of());
    }

    /** The limits of plan {@code name}, or of the default plan when null; unlimited when not configured. */
    public Plan plan(String name) {
        return plans.getOrDefault(name == null ? defaultPlan : name, Plan.UNLIMITED);
    }
}
