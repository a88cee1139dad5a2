package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import io.cairn.core.alert.Alert;
import io.cairn.core.alert.AlertChannels;
import io.cairn.core.alert.AlertPolicy;
import io.cairn.core.alert.AlertRouter;
import io.cairn.core.alert.AlertStore;
import io.cairn.core.alert.HttpSender;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.cairn.core.orchestrate.Backfill;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.RunSettings;
import io.cairn.core.orchestrate.RunStatus;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.core.schedule.RunGuard;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/**
 * {@code cairn pipeline run NAME}: runs {@code pipelines/NAME.yml} (or the built-in {@code daily}) under the
 * overlap guard scheduled runs take, once or once per date partition ({@code --from/--to}).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Run pipelines (pipelines/<name>.yml).",
        subcommands = PipelineCommand.Run.class)
final class PipelineCommand implements Runnable {
    /** How long a run's guard rows and lease last without a heartbeat (a killed process frees them then). */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a pipeline: one line per task, then a summary; exit 1 when any task failed. "
                    + "--from/--to backfill one run per date.")
    static final class Run implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Parameters(index = "0", paramLabel = "NAME", description = "The pipeline (daily is built in).")
        String name;

        @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", description = "Only this tenant.")
        String tenant;

        @Option(names = "--platform-tenant", defaultValue = "platform", paramLabel = "TENANT", description = "The "
                + "tenant whose _alerts credentials hold the platform on-call's channels (default: platform).")
        String platformTenant;

        @Option(names = "--var", paramLabel = "KEY=VALUE", description = "A variable (repeatable).")
        Map<String, String> vars = new LinkedHashMap<>();

        @Option(names = "--from", paramLabel = "DATE", description = "Backfill: the first date partition "
                + "(YYYY-MM-DD); one run per date with {date} set, in order.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Backfill: the last date partition (included).")
        LocalDate to;

        @Option(names = "--continue-on-failure", description = "Backfill: run the later dates after a failed one "
                + "(default: stop at the first failed run).")
        boolean continueOnFailure;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Backfill backfill = backfill();
            try (ProjectContext context = project.open()) {
                Pipeline pipeline = PipelineLoader.load(context.config().projectDir(), name, vars.keySet());
                TenantId only = tenant == null ? null : TenantId.of(tenant);
                if (only != null && context.controlPlane().tenants().find(only).isEmpty()) {
                    throw new CairnException(ErrorCode.NOT_FOUND, "Cannot run pipeline %s for tenant %s: no such "
                            + "tenant (see cairn tenants list)", name, only);
                }
                PipelineProcessors processors = new PipelineProcessors(context, out, spec.commandLine().getErr());
                RunGuard guard = new RunGuard(context.controlPlaneDataSource(), Clock.systemUTC(), LEASE);
                String node = RunSettings.defaultNode();
                List<TenantId> covered = only != null ? List.of(only) : processors.fleet().tenants();
                Optional<RunGuard.Lease> lease = guard.tryAcquire(name, only == null, covered, node + "/cli@"
                        + Instant.now());
                if (lease.isEmpty()) {
                    throw new CairnException(ErrorCode.BAD_INPUT, "Cannot run pipeline %s for %s: a run of it is "
                            + "still going on for %s (see cairn runs list; cancel it with cairn runs cancel)", name,
                            only == null ? "all tenants" : "tenant " + only, only == null ? "a tenant" : only);
                }
                try (RunGuard.Lease held = lease.get()) {
                    PipelineExecutor executor = new PipelineExecutor(processors.all(), processors.fleet(),
                            context.controlPlane().pipelineRuns()).withSettings(new RunSettings(node,
                            Duration.ofSeconds(5), LEASE, held::renew));
                    return backfill == null ? runOnce(context, executor, pipeline, only, out)
                            : runBackfill(context, executor, backfill, pipeline, only, out);
                }
            }
        }

        private Backfill backfill() {
            if ((from == null) != (to == null)) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot run pipeline %s: --from and --to go together",
                        name);
            }
            if (from == null && continueOnFailure) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot run pipeline %s: --continue-on-failure needs "
                        + "--from and --to", name);
            }
            return from == null ? null : new Backfill(from, to, continueOnFailure);
        }

        private int runOnce(ProjectContext context, PipelineExecutor executor, Pipeline pipeline, TenantId only,
                PrintWriter out) {
            PipelineResult result = executor.run(pipeline, only, vars, task -> print(out, task));
            report(context, out, result);
            return result.failed() ? Main.DATA_FAILURE : Main.OK;
        }

        private int runBackfill(ProjectContext context, PipelineExecutor executor, Backfill backfill,
                Pipeline pipeline, TenantId only, PrintWriter out) {
            List<PipelineResult> results = backfill.run(executor, pipeline, only, vars, task -> print(out, task));
            results.forEach(result -> report(context, out, result));
            long failed = results.stream().filter(PipelineResult::failed).count();
            out.printf(Locale.ROOT, "%nBackfill of pipeline %s from %s to %s: %d of %d dates run, %d failed%n",
                    pipeline.name(), backfill.from(), backfill.to(), results.size(), backfill.dates().size(), failed);
            out.flush();
            return failed > 0 ? Main.DATA_FAILURE : Main.OK;
        }

        private void report(ProjectContext context, PrintWriter out, PipelineResult result) {
            summary(out, result);
            for (Alert alert : alerts(context).route(result)) {
                out.printf("ALERT %s %s: %s%n", alert.action().name().toLowerCase(Locale.ROOT), alert.key(),
                        alert.summary());
            }
        }

        /** Routes the run's outcome to the tenants' and the platform's channels (kept in the credential store). */
        private AlertRouter alerts(ProjectContext context) {
            AlertChannels channels = new AlertChannels(context.controlPlane().credentials(),
                    TenantId.of(platformTenant), HttpSender.withDefaults());
            return new AlertRouter(AlertStore.connect(context.config().controlPlane()), channels,
                    AlertPolicy.DEFAULT, Clock.systemUTC());
        }

        private static void print(PrintWriter out, TaskRunRecord task) {
            synchronized (out) {
                out.println(RunsCommand.taskLine(task, 300));
                out.flush();
            }
        }

        private static void summary(PrintWriter out, PipelineResult result) {
            out.printf(Locale.ROOT, "%nPipeline %s run %s %s: %d tasks, %d succeeded, %d failed, %d timed out, "
                            + "%d skipped, %d cancelled%n", result.run().pipeline(), result.run().runId(),
                    result.run().status().key(), result.tasks().size(), result.count(RunStatus.SUCCEEDED),
                    result.count(RunStatus.FAILED), result.count(RunStatus.TIMED_OUT),
                    result.count(RunStatus.SKIPPED), result.count(RunStatus.CANCELLED));
            out.flush();
        }
    }
}
