package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.RunStatus;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/** {@code cairn pipeline run NAME}: runs {@code pipelines/NAME.yml} (or the built-in {@code daily}). */
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Run pipelines (pipelines/<name>.yml).",
        subcommands = PipelineCommand.Run.class)
final class PipelineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a pipeline: one line per task, then a summary; exit 1 when any task failed.")
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

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                Pipeline pipeline = PipelineLoader.load(context.config().projectDir(), name, vars.keySet());
                TenantId only = tenant == null ? null : TenantId.of(tenant);
                if (only != null && context.controlPlane().tenants().find(only).isEmpty()) {
                    throw new CairnException(ErrorCode.NOT_FOUND, "Cannot run pipeline %s for tenant %s: no such "
                            + "tenant (see cairn tenants list)", name, only);
                }
                PipelineProcessors processors = new PipelineProcessors(context, out, spec.commandLine().getErr());
                PipelineExecutor executor = new PipelineExecutor(processors.all(), processors.fleet(),
                        context.controlPlane().pipelineRuns());
                PipelineResult result = executor.run(pipeline, only, vars, task -> print(out, task));
                summary(out, result);
                for (Alert alert : alerts(context).route(result)) {
                    out.printf("ALERT %s %s: %s%n", alert.action().name().toLowerCase(Locale.ROOT), alert.key(),
                            alert.summary());
                }
                return result.failed() ? Main.DATA_FAILURE : Main.OK;
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
                            + "%d skipped%n", result.run().pipeline(), result.run().runId(),
                    result.run().status().key(), result.tasks().size(), result.count(RunStatus.SUCCEEDED),
                    result.count(RunStatus.FAILED), result.count(RunStatus.TIMED_OUT),
                    result.count(RunStatus.SKIPPED));
            out.flush();
        }
    }
}
