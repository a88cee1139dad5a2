package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs a pipeline once per date partition from {@code from} to {@code to} (both included), in order, one after the
 * other, with {@code {date}} set to the partition; each is a recorded run of its own. A failed run stops the
 * backfill unless it continues on failure; a cancelled run always stops it.
 */
public record Backfill(LocalDate from, LocalDate to, boolean continueOnFailure) {
    /** More partitions than this is almost certainly a typo in a date. */
    public static final int MAX_DAYS = 3660;
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    public Backfill {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot backfill from %s to %s: --to is before --from",
                    from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot backfill from %s to %s: more than %d days", from,
                    to, MAX_DAYS);
        }
    }

    /** The partitions, in order. */
    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** Runs the partitions; returns the result of each run made, in order. */
    public List<PipelineResult> run(PipelineExecutor executor, Pipeline pipeline, TenantId tenantOrNull,
            Map<String, String> vars, TaskListener listener) {
        if (vars.containsKey("date")) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot backfill pipeline %s: --var date conflicts with "
                    + "--from/--to, which set {date} per run", pipeline.name());
        }
        List<PipelineResult> results = new ArrayList<>();
        for (LocalDate date : dates()) {
            Map<String, String> partition = new HashMap<>(vars);
            partition.put("date", date.toString());
            PipelineResult result = executor.run(pipeline, tenantOrNull, partition, listener);
            results.add(result);
            LOG.info("Backfill of pipeline {} for {}: run {} {}", pipeline.name(), date, result.run().runId(),
                    result.run().status().key());
            if (result.run().status() == RunStatus.CANCELLED || result.failed() && !continueOnFailure) {
                break;
            }
        }
        return results;
    }
}
