package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.time.Instant;
import java.util.Optional;

import static io.cairn.core.controlplane.Sql.instant;
import static io.cairn.core.controlplane.Sql.query;
import static io.cairn.core.controlplane.Sql.update;
import static java.util.Objects.requireNonNull;

/**
 * The {@code source_watermarks} table: per tenant and source, the time up to which everything it landed came from
 * syncs that succeeded. Thread-safe.
 */
public final class SourceWatermarks {
    private final PipelineRunStore.Database database;

    SourceWatermarks(PipelineRunStore.Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Records that a sync of {@code source} of {@code tenant} in run {@code runId} succeeded at {@code goodUntil}. */
    public void advance(TenantId tenant, String source, Instant goodUntil, String runId) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(goodUntil, "goodUntil is null");
        database.call("record the watermark of tenant " + tenant + " source " + source, c -> {
            update(c, "DELETE FROM source_watermarks WHERE tenant_id = ? AND source_name = ?", tenant, source);
            return update(c, "INSERT INTO source_watermarks (tenant_id, source_name, good_until, run_id) "
                    + "VALUES (?, ?, ?, ?)", tenant, source, goodUntil, runId);
        });
    }

    /** When the last successful sync of {@code source} of {@code tenant} ended; empty when none is recorded. */
    public Optional<Instant> find(TenantId tenant, String source) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        return database.call("read the watermark of tenant " + tenant + " source " + source, c -> query(c,
                "SELECT good_until FROM source_watermarks WHERE tenant_id = ? AND source_name = ?",
                row -> instant(row, "good_until"), tenant, source)).stream().findFirst();
    }
}
