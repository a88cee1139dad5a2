package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.schedule.PipelineSchedule;
import io.cairn.core.schedule.ScheduleEntry;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/** {@code cairn schedules add|list|remove}: cron schedules of pipelines, run by {@code cairn serve}. */
@Command(name = "schedules", mixinStandardHelpOptions = true, description = "Cron schedules of pipelines.",
        subcommands = {ScheduleCommand.Add.class, ScheduleCommand.ListSchedules.class, ScheduleCommand.Remove.class})
final class ScheduleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ScheduleStore store(ProjectContext context) {
        return new ScheduleStore(context.controlPlaneDataSource(), Clock.systemUTC());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Schedule a pipeline with a cron "
            + "expression: 5 fields (minute hour day month weekday) or 6 (seconds first).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name.")
        String name;

        @Option(names = "--pipeline", required = true, paramLabel = "PIPELINE", description = "The pipeline to run.")
        String pipeline;

        @Option(names = "--cron", required = true, paramLabel = "CRON", description = "When, e.g. '0 3 * * *'.")
        String cron;

        @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", description = "Only this tenant (default: all).")
        String tenant;

        @Option(names = "--timezone", defaultValue = "UTC", paramLabel = "ZONE",
                description = "Time zone the cron is read in (default: UTC).")
        String timezone;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                PipelineLoader.load(context.config().projectDir(), pipeline, Set.of());
                TenantId only = tenant == null ? null : TenantId.of(tenant);
                if (only != null && context.controlPlane().tenants().find(only).isEmpty()) {
                    throw new CairnException(ErrorCode.NOT_FOUND, "Cannot add schedule %s for tenant %s: no such "
                            + "tenant (see cairn tenants list)", name, only);
                }
                PipelineSchedule schedule = new PipelineSchedule(name, pipeline, only, cron, zone());
                store(context).add(schedule);
                spec.commandLine().getOut().printf("Added schedule %s: pipeline %s for %s at '%s' (%s); next due "
                        + "%s%n", name, pipeline, only == null ? "all tenants" : only, schedule.cron(),
                        schedule.zone(), schedule.nextAfter(Clock.systemUTC().instant()));
                return Main.OK;
            }
        }

        private ZoneId zone() {
            try {
                return ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot add schedule %s: unknown time zone '%s'",
                        name, timezone);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every schedule with its last run.")
    static final class ListSchedules implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                List<ScheduleEntry> entries = store(context).list();
                if (entries.isEmpty()) {
                    out.println("No schedules yet.");
                    return Main.OK;
                }
                TextTable table = new TextTable("NAME", "PIPELINE", "TENANT", "CRON", "TIMEZONE", "NEXT DUE",
                        "LAST DUE", "LAST STATUS");
                for (ScheduleEntry entry : entries) {
                    PipelineSchedule schedule = entry.schedule();
                    table.row(schedule.name(), schedule.pipeline(), schedule.tenant() == null ? "all"
                            : schedule.tenant(), schedule.cron(), schedule.zone(), orDash(entry.nextDue()),
                            orDash(entry.lastDue()), entry.lastStatus() == null ? "-" : entry.lastStatus().key());
                }
                table.print(out);
                return Main.OK;
            }
        }

        private static Object orDash(Object value) {
            return value == null ? "-" : value;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a schedule; a run in progress "
            + "finishes.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                if (!store(context).remove(name)) {
                    throw new CairnException(ErrorCode.NOT_FOUND, "Cannot remove schedule %s: there is no such "
                            + "schedule (see cairn schedules list)", name);
                }
                spec.commandLine().getOut().printf("Removed schedule %s%n", name);
                return Main.OK;
            }
        }
    }
}
