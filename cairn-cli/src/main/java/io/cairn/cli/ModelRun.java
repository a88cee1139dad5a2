package io.cairn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.Command;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.NodeResult;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.ResultFormatter;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunRecorder;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.serving.TenantPublishing;
import io.cairn.models.DataQuality;
import io.cairn.models.DataQualityReport;
import io.cairn.models.DqStatus;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.models.PlatformInputs;

/**
 * One model command against an opened project: loads the dbt-format project, prints a dbt-like line per node as it
 * finishes and the summary, and records the run and its node results in the control plane.
 */
final class ModelRun {
    private final ProjectContext context;
    private final ModelOptions options;
    private final PrintWriter out;
    private final Path dbtProject;
    private final ModelEngine engine;
    private final boolean bundled;
    private final TenantLayout layout;

    ModelRun(ProjectContext context, ModelOptions options, PrintWriter out) {
        this(context, options, out, TenantLayout.SHARED);
    }

    /** A run over one tenancy layout: the shared set, or one dedicated tenant's set (bundled package only). */
    ModelRun(ProjectContext context, ModelOptions options, PrintWriter out, TenantLayout layout) {
        this.context = context;
        this.options = options;
        this.out = out;
        this.layout = layout;
        this.dbtProject = options.dbtProject(context.config());
        EngineOptions engineOptions = options.engineOptions(context.warehouse());
        this.bundled = options.usesBundledPackage(context.config());
        if (bundled) {
            // The bundled package reads the layout's tenant directory and must know which raw tables are absent.
            engineOptions = PlatformInputs.forLayout(dbtProject, engineOptions, layout, directory(context, layout));
        }
        this.engine = ModelEngine.load(dbtProject, engineOptions);
    }

    /**
     * Runs a command over the shared set, then (bundled package) over each dedicated tenant's set; returns the
     * worst exit code.
     */
    static int executeEveryLayout(ProjectContext context, ModelOptions options, PrintWriter out, Command command) {
        return new ModelRun(context, options, out).executeEveryLayout(command);
    }

    /** Runs {@code command} in this (shared) layout, then, for the bundled package, in each dedicated tenant's. */
    int executeEveryLayout(Command command) {
        int exit = execute(command);
        if (options.usesBundledPackage(context.config())) {
            for (TenantLayout dedicated : dedicatedLayouts(context)) {
                exit = Math.max(exit, new ModelRun(context, options, out, dedicated).execute(command));
            }
        }
        return exit;
    }

    /** The layouts of the dedicated tenants, by tenant id. */
    private static List<TenantLayout> dedicatedLayouts(ProjectContext context) {
        return context.controlPlane().tenants().list().stream()
                .filter(tenant -> tenant.tenancy() == Tenancy.DEDICATED)
                .map(tenant -> TenantLayout.of(tenant.id(), Tenancy.DEDICATED))
                .toList();
    }

    /** The tenants a layout's build serves: the shared ones, or the dedicated tenant alone. */
    private static List<Tenant> directory(ProjectContext context, TenantLayout layout) {
        return context.controlPlane().tenants().list().stream()
                .filter(tenant -> layout.dedicated() ? tenant.id().equals(layout.tenant())
                        : tenant.tenancy() == Tenancy.SHARED)
                .toList();
    }

    ModelEngine engine() {
        return engine;
    }

    RunOptions runOptions() {
        RunOptions run = options.runOptions(dbtProject);
        // A dedicated tenant's artifacts go beside the shared ones, not over them.
        return layout.dedicated() ? run.withTargetDir(run.targetDir().resolve("tenants").resolve(
                layout.tenant().value())) : run;
    }

    /** Runs an executing command (build, run, test, seed, freshness); returns the exit code. */
    int execute(Command command) {
        Selection selection = options.selection();
        int total = executableCount(command, selection);
        header(command, total);
        if (total == 0) {
            out.println("Nothing to do. Check the selection (" + String.join(" ", options.select) + ").");
            out.flush();
            return Main.OK;
        }
        AtomicInteger index = new AtomicInteger();
        RunOptions run = runOptions().withListener(r -> {
            out.println(ResultFormatter.line(index.incrementAndGet(), total, r));
            out.flush();
        });
        RunRecorder recorder = RunRecorder.start(context.controlPlane(), command, layout.tenant());
        boolean builds = command == Command.BUILD || command == Command.RUN || command == Command.SEED;
        RunResult result;
        try {
            if (builds) {
                TenantIsolationHook.beforeBuild(context, layout);
            }
            // The engine ends every build by securing what it built (TenantScope.secureBuild).
            result = engine.execute(command, selection, run);
        }
        catch (RuntimeException e) {
            recorder.fail(e.getMessage());
            throw e;
        }
        recorder.finish(result);
        footer(result);
        if (bundled && (command == Command.BUILD || command == Command.TEST)) {
            // A dedicated tenant's results go to its own <tenant>_ops, where its tenant connection reads them.
            DataQuality dataQuality = new DataQuality(context.warehouse(), Clock.systemUTC(), layout);
            DataQualityReport quality = dataQuality.record(engine, result, recorder.runId());
            out.printf("Data quality: %d checks recorded in %s: %d pass, %d warn, %d fail%n",
                    quality.results().size(), dataQuality.resultsTable(), quality.count(DqStatus.PASS),
                    quality.count(DqStatus.WARN), quality.count(DqStatus.FAIL));
        }
        if (command == Command.BUILD || command == Command.RUN || command == Command.TEST) {
            out.println(TenantPublishing.publishAll(context.warehouse(), context.controlPlane()));
        }
        out.printf("Recorded as %s run %s in the control plane.%n", command.key(), recorder.runId());
        out.flush();
        return result.exitCode();
    }

    /** The nodes the command will execute: what the engine runs (no ephemeral models, sources with freshness). */
    int executableCount(Command command, Selection selection) {
        int count = 0;
        for (Node node : engine.ls(selection, runOptions())) {
            boolean runs = command.types().contains(node.type()) && !node.isEphemeral()
                    && (node.type() != ResourceType.SOURCE || node.source().freshness() != null);
            count += runs ? 1 : 0;
        }
        return count;
    }

    private void header(Command command, int total) {
        Map<String, Integer> found = new TreeMap<>();
        engine.dag().nodes().values().forEach(n -> found.merge(n.type().key(), 1, Integer::sum));
        StringBuilder line = new StringBuilder("Found");
        found.forEach((type, n) -> line.append(' ').append(n).append(' ').append(type).append(n == 1 ? "," : "s,"));
        out.println("Running " + command.key() + " on project " + engine.project().name() + " (" + dbtProject + ")"
                + (layout.dedicated() ? " for dedicated tenant " + layout.tenant() + " (schemas " + layout.prefix()
                        + "*)" : ""));
        out.println(line.substring(0, line.length() - 1));
        out.printf(Locale.ROOT, "Concurrency: %d threads (target='%s'); %d nodes selected%n%n", options.threads,
                options.target, total);
        out.flush();
    }

    private void footer(RunResult result) {
        long errors = result.count(NodeStatus.ERROR) + result.count(NodeStatus.FAIL);
        long warnings = result.count(NodeStatus.WARN);
        out.println();
        if (errors == 0 && warnings == 0) {
            out.println("Completed successfully");
        }
        else {
            out.printf("Completed with %d error%s and %d warning%s:%n", errors, errors == 1 ? "" : "s", warnings,
                    warnings == 1 ? "" : "s");
            for (NodeResult r : result.results()) {
                if (r.status().isFailure() || r.status() == NodeStatus.WARN) {
                    out.printf("%n%s in %s %s (%s): %s%n", r.status().key().toUpperCase(Locale.ROOT), r.resourceType(),
                            r.name(), r.uniqueId(), r.message());
                }
            }
        }
        out.println();
        out.println(ResultFormatter.summary(result));
    }
}
