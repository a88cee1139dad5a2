package io.cairn.core.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A cron schedule for one pipeline, over every tenant ({@code tenant} null) or one. The cron has five fields
 * (minute hour day month weekday, as in crontab) or six (seconds first, as in Spring); it is read in {@code zone}.
 */
public record PipelineSchedule(String name, String pipeline, TenantId tenant, String cron, ZoneId zone) {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,127}$");

    public PipelineSchedule {
        requireNonNull(name, "name is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(cron, "cron is null");
        requireNonNull(zone, "zone is null");
        if (!NAME.matcher(name).matches()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot define schedule '%s': a name is 1-128 lower-case "
                    + "letters, digits, '_', '.' or '-'", name);
        }
        if (!NAME.matcher(pipeline).matches()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot define schedule %s: '%s' is not a pipeline name",
                    name, pipeline);
        }
        cron = cron.trim();
        cronSchedule(name, cron, zone);
    }

    /** The next time this schedule is due strictly after {@code after}, in whole seconds. */
    public Instant nextAfter(Instant after) {
        // The cron library keeps the fraction of the base time in second-based patterns; due times are whole seconds.
        Instant base = after.truncatedTo(ChronoUnit.SECONDS);
        return cronSchedule(name, cron, zone).getNextExecutionTime(ExecutionComplete.simulatedSuccess(base))
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private static CronSchedule cronSchedule(String name, String cron, ZoneId zone) {
        int fields = cron.isEmpty() ? 0 : cron.split("\\s+").length;
        if (fields != 5 && fields != 6) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot define schedule %s: cron '%s' has %d fields, "
                    + "expected 5 (minute hour day month weekday) or 6 (seconds first)", name, cron, fields);
        }
        try {
            return new CronSchedule(cron, zone, fields == 5 ? CronStyle.UNIX : CronStyle.SPRING);
        } catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot define schedule %s: cron '%s' is invalid: %s",
                    name, cron, e.getMessage());
        }
    }
}
