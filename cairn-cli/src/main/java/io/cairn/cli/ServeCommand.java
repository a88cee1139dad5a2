package io.cairn.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.cairn.core.alert.Alert;
import io.cairn.core.config.ApiSettings;
import io.cairn.core.metrics.CairnMetrics;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.server.CairnServer;
import io.cairn.core.serving.ScopedTenantData;
import io.cairn.core.tenancy.Offboarding;
import io.cairn.server.tenants.DataOffboarder;
import io.cairn.core.serving.TenantData;
import io.cairn.server.runs.PipelineRunLauncher;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.core.alert.AlertChannels;
import io.cairn.core.alert.AlertPolicy;
import io.cairn.core.alert.AlertRouter;
import io.cairn.core.alert.AlertStore;
import io.cairn.core.alert.HttpSender;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.schedule.ControlPlaneDataSource;
import io.cairn.core.schedule.PipelineSchedule;
import io.cairn.core.schedule.PipelineScheduler;
import io.cairn.core.schedule.RunGuard;
import io.cairn.core.schedule.ScheduleStatus;
import io.cairn.spi.TenantId;

/**
 * {@code cairn serve}: the HTTP API ({@code /api/v1}, {@code /health}, {@code /metrics}) and the schedules of the
 * project until interrupted, routing each scheduled run's outcome to the alert channels as {@code cairn pipeline run}
 * does. Several processes on one PostgreSQL control plane share the scheduled work; each due run happens on exactly
 * one of them. Runs started through the API go through the same processors on a bounded pool.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API and run the pipeline schedules until interrupted (several nodes may share "
                + "one control plane).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = "--node", paramLabel = "NAME", description = "This node's name (default: host-pid).")
    String node;

    @Option(names = "--threads", defaultValue = "4", description = "Scheduled runs at once (default: 4).")
    int threads;

    @Option(names = "--poll-interval-ms", defaultValue = "5000",
            description = "How often to look for due runs (default: 5000).")
    long pollMillis;

    @Option(names = "--platform-tenant", defaultValue = "platform", paramLabel = "TENANT", description = "The "
            + "tenant whose _alerts credentials hold the platform on-call's channels (default: platform).")
    String platformTenant;

    @Option(names = "--stop-after-seconds", paramLabel = "N", description = "Stop after N seconds (default: never).")
    Long stopAfterSeconds;

    @Option(names = "--port", paramLabel = "PORT", description = "The API's port (default: api.port of cairn.yml, "
            + "else 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "The address the API listens on (default: 127.0.0.1).")
    String bind;

    @Option(names = "--no-scheduler", description = "Serve the API only; run no schedules on this node.")
    boolean noScheduler;

    @Option(names = "--api-runs", defaultValue = "4", paramLabel = "N",
            description = "Runs started through the API that execute at once (default: 4); 16 more may wait.")
    int apiRuns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProjectContext context = project.open()) {
            context.controlPlane();
            String name = node == null ? defaultNode() : node;
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "cairn-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Deque<AutoCloseable> running = new ArrayDeque<>();
            try {
                running.push(startApi(context, out, err));
                if (!noScheduler) {
                    running.push(startScheduler(context, name, out, err));
                }
                if (stopAfterSeconds == null) {
                    stop.await();
                } else {
                    stop.await(stopAfterSeconds, TimeUnit.SECONDS);
                }
            } finally {
                removeHook(hook);
                for (AutoCloseable service : running) {
                    service.close();
                }
            }
            say(out, noScheduler ? "API of node %s stopped" : "Scheduler %s stopped", name);
            return Main.OK;
        }
    }

    private AutoCloseable startScheduler(ProjectContext context, String name, PrintWriter out, PrintWriter err) {
        // a connection per scheduler thread, plus its polling and the run guard's renewals
        ControlPlaneDataSource dataSource = new ControlPlaneDataSource(context.config().controlPlane(),
                Math.max(ControlPlaneDataSource.DEFAULT_MAX_CONNECTIONS, threads + 4));
        RunGuard guard = new RunGuard(dataSource, Clock.systemUTC(), Duration.ofMinutes(2));
        PipelineScheduler.Options options = new PipelineScheduler.Options(name, threads,
                Duration.ofMillis(pollMillis), Duration.ofSeconds(Math.max(1, Math.min(30, pollMillis / 1000))));
        PipelineScheduler scheduler = new PipelineScheduler(dataSource, guard,
                () -> new PipelineProcessors(context, out, err).fleet().tenants(),
                (schedule, due) -> run(context, alerts(context), out, err, schedule, due), options,
                Clock.systemUTC());
        scheduler.start();
        say(out, "Scheduler %s serving the schedules of %s; stop with Ctrl-C", name, context.config().projectDir());
        return () -> {
            scheduler.close();
            dataSource.close();
        };
    }

    /** The HTTP API with the real processors behind its runs; closing stops the server, then the runs. */
    private AutoCloseable startApi(ProjectContext context, PrintWriter out, PrintWriter err) {
        ApiSettings settings = context.config().api();
        CairnMetrics metrics = new CairnMetrics(Clock.systemUTC());
        PipelineProcessors processors = new PipelineProcessors(context, out, err);
        PipelineRunLauncher launcher = new PipelineRunLauncher(
                pipeline -> PipelineLoader.load(context.config().projectDir(), pipeline, Set.of()),
                new PipelineExecutor(processors.all(), processors.fleet(), context.controlPlane().pipelineRuns()),
                metrics::recordTask, apiRuns, 16, Clock.systemUTC());
        CairnServer server = CairnServer.builder(context.controlPlane(), tenantData(context), launcher)
                .settings(settings)
                .schedules(new ScheduleStore(context.controlPlaneDataSource(), Clock.systemUTC()))
                .metrics(metrics)
                .offboarder(new DataOffboarder(new Offboarding(context.controlPlane(), context.warehouse(),
                        context.config().root(), context.config().projectDir())))
                .readiness("warehouse", () -> {
                    try (Connection connection = context.warehouse().connect()) {
                        if (!connection.isValid(5)) {
                            throw new IllegalStateException("the warehouse connection is not valid");
                        }
                    }
                })
                .build();
        try {
            server.start(bind, port == null ? settings.port() : port);
        } catch (RuntimeException e) {
            launcher.close();
            throw new CairnException(ErrorCode.CONFIG, e, "Cannot serve the API on %s:%s: %s", bind,
                    port == null ? settings.port() : port, e.getMessage());
        }
        say(out, "API listening on http://%s:%d/api/v1 (health /health, metrics /metrics)", bind, server.port());
        return () -> {
            server.close();
            launcher.close();
        };
    }

    /** Tenant reads scoped by the warehouse's own isolation (published copies on DuckDB, RLS on PostgreSQL). */
    private static TenantData tenantData(ProjectContext context) {
        return new ScopedTenantData(context.warehouse(), context.controlPlane());
    }

    private AlertRouter alerts(ProjectContext context) {
        AlertChannels channels = new AlertChannels(context.controlPlane().credentials(), TenantId.of(platformTenant),
                HttpSender.withDefaults());
        return new AlertRouter(AlertStore.connect(context.config().controlPlane()), channels, AlertPolicy.DEFAULT,
                Clock.systemUTC());
    }

    private static ScheduleStatus run(ProjectContext context, AlertRouter alerts, PrintWriter out, PrintWriter err,
            PipelineSchedule schedule, Instant due) {
        say(out, "Schedule %s: running pipeline %s for %s (due %s)", schedule.name(), schedule.pipeline(),
                schedule.tenant() == null ? "all tenants" : schedule.tenant(), due);
        Pipeline pipeline = PipelineLoader.load(context.config().projectDir(), schedule.pipeline(), Set.of());
        PipelineProcessors processors = new PipelineProcessors(context, out, err);
        PipelineExecutor executor = new PipelineExecutor(processors.all(), processors.fleet(),
                context.controlPlane().pipelineRuns());
        PipelineResult result = executor.run(pipeline, schedule.tenant(), Map.of(),
                task -> say(out, "%s", RunsCommand.taskLine(task, 300)));
        say(out, "Schedule %s: run %s %s: %d tasks, %d failed", schedule.name(), result.run().runId(),
                result.run().status().key(), result.tasks().size(), result.run().tasksFailed());
        for (Alert alert : alerts.route(result)) {
            say(out, "ALERT %s %s: %s", alert.action().name().toLowerCase(Locale.ROOT), alert.key(), alert.summary());
        }
        return result.failed() ? ScheduleStatus.FAILED : ScheduleStatus.SUCCEEDED;
    }

    private static void say(PrintWriter out, String format, Object... args) {
        synchronized (out) {
            out.println(String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, which is why we stopped; the hook has run.
        }
    }
}
