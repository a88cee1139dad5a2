package io.cairn.core.apikeys;

import io.cairn.core.controlplane.Sql;
import io.cairn.spi.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code tenant_plans} table, and the usage that plans limit: runs started and rows landed. */
public final class TenantPlans {
    private final ApiDatabase database;
    private final Clock clock;

    public TenantPlans(ApiDatabase database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The tenant's plan name; empty when it has none (the default plan applies). */
    public Optional<String> plan(TenantId tenant) {
        return database.call("read the plan of tenant " + tenant, c -> Sql.queryOne(c, "SELECT plan FROM "
                + "tenant_plans WHERE tenant_id = ?", row -> row.getString(1), tenant));
    }

    public void setPlan(TenantId tenant, String plan) {
        requireNonNull(plan, "plan is null");
        Instant now = clock.instant();
        database.transaction("set the plan of tenant " + tenant, c -> {
            Sql.update(c, "DELETE FROM tenant_plans WHERE tenant_id = ?", tenant);
            return Sql.update(c, "INSERT INTO tenant_plans (tenant_id, plan, updated_at) VALUES (?, ?, ?)", tenant,
                    plan, now);
        });
    }

    /** Pipeline runs limited to the tenant that started at or after {@code since}. */
    public long runsSince(TenantId tenant, Instant since) {
        return database.call("count runs of tenant " + tenant, c -> Sql.queryOne(c, "SELECT COUNT(*) FROM "
                + "pipeline_runs WHERE tenant_id = ? AND started_at >= ?", row -> row.getLong(1), tenant, since))
                .orElse(0L);
    }

    /** Rows landed by the tenant's loads created at or after {@code since}. */
    public long rowsLandedSince(TenantId tenant, Instant since) {
        return database.call("sum rows landed of tenant " + tenant, c -> Sql.queryOne(c, "SELECT COALESCE("
                + "SUM(rows_landed), 0) FROM loads WHERE tenant_id = ? AND status = ? AND created_at >= ?",
                row -> row.getLong(1), tenant, "landed", since)).orElse(0L);
    }
}
