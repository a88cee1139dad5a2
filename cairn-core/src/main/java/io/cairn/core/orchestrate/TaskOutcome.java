package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a successful task reports.
 *
 * @param rowsRead null when the processor does not count rows
 * @param rowsLanded null when the processor does not count rows
 * @param skipped parts of the work left out for one tenant (models downstream of a fenced source), recorded as
 *     {@code skipped} tasks of the run
 */
public record TaskOutcome(Long rowsRead, Long rowsLanded, List<Skipped> skipped) {
    public static final TaskOutcome NONE = new TaskOutcome(null, null);

    public TaskOutcome {
        skipped = List.copyOf(skipped);
    }

    public TaskOutcome(Long rowsRead, Long rowsLanded) {
        this(rowsRead, rowsLanded, List.of());
    }

    public static TaskOutcome rows(long read, long landed) {
        return new TaskOutcome(read, landed);
    }

    /** A part of a task (e.g. model {@code name}) not done for {@code tenant} because of {@code source}. */
    public record Skipped(TenantId tenant, String source, String name, String reason) {
        public Skipped {
            requireNonNull(tenant, "tenant is null");
            requireNonNull(name, "name is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
