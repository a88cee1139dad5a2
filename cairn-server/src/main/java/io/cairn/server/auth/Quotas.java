package io.cairn.server.auth;

import io.cairn.core.apikeys.TenantPlans;
import io.cairn.core.config.ApiSettings;
import io.cairn.server.errors.ApiException;
import io.cairn.spi.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * The usage limits of tenants' plans ({@code api.plans} of {@code cairn.yml}): pipeline runs per UTC day (429 until
 * the day ends) and rows landed per UTC month (403: no more syncs this month on this plan).
 */
public final class Quotas {
    private final TenantPlans plans;
    private final ApiSettings settings;
    private final Clock clock;

    public Quotas(TenantPlans plans, ApiSettings settings, Clock clock) {
        this.plans = requireNonNull(plans, "plans is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Fails when {@code tenant} may not start another run now. */
    public void checkRun(TenantId tenant) {
        String planName = plans.plan(tenant).orElse(settings.defaultPlan());
        ApiSettings.Plan plan = settings.plan(planName);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (plan.runsPerDay().isPresent()) {
            Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
            long runs = plans.runsSince(tenant, dayStart);
            if (runs >= plan.runsPerDay().get()) {
                long wait = Duration.between(now, dayStart.plus(Duration.ofDays(1))).toSeconds() + 1;
                throw ApiException.quotaExceeded(wait, "Tenant %s started %d of the %d runs per day of plan '%s'; "
                        + "the quota resets at 00:00 UTC", tenant, runs, plan.runsPerDay().get(), planName);
            }
        }
        if (plan.rowsLandedPerMonth().isPresent()) {
            Instant monthStart = today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            long rows = plans.rowsLandedSince(tenant, monthStart);
            if (rows >= plan.rowsLandedPerMonth().get()) {
                throw ApiException.quotaExceeded(null, "Tenant %s landed %d rows this month, the limit of plan '%s' "
                        + "is %d; change the tenant's plan to run again this month", tenant, rows, planName,
                        plan.rowsLandedPerMonth().get());
            }
        }
    }

    /** Fails with 400 naming {@code field} when {@code plan} is not configured (and plans are). */
    public void checkPlanName(String plan, String field) {
        if (!settings.plans().isEmpty() && !settings.plans().containsKey(plan)) {
            throw ApiException.invalid(field, "Unknown plan '%s'; the plans are %s", plan,
                    new java.util.TreeSet<>(settings.plans().keySet()));
        }
    }
}
