package io.cairn.core.schedule;

import java.time.Instant;

/**
 * A stored schedule with what happened last and when it is next due ({@code nextDue} is null until a scheduler
 * has registered it). The {@code last*} fields are null before the first run.
 */
public record ScheduleEntry(PipelineSchedule schedule, Instant lastDue, Instant lastFinished, ScheduleStatus lastStatus,
        String lastMessage, Instant nextDue) {
}
