package io.cairn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.config.ProjectConfig;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.RunOptions;
import io.cairn.core.tenancy.LayoutRemoval;
import io.cairn.core.tenancy.MoveReport;
import io.cairn.core.tenancy.TableRef;
import io.cairn.core.tenancy.TenantMove;
import io.cairn.models.BundledProject;
import io.cairn.models.LayoutBuild;
import io.cairn.spi.TenantId;

/** {@code cairn tenants move T --to dedicated|shared}: moves a tenant's data between the tenancy layouts. */
@Command(name = "move", mixinStandardHelpOptions = true, description = {
        "Move a tenant between the shared and the dedicated layout: copy its raw rows, build its models there,",
        "verify every mart row by row, flip its tenancy, delete the old copy. Rerun it after a crash to finish.",
        "Do not sync the tenant while it moves."})
final class TenantsMoveCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Parameters(index = "0", paramLabel = "ID")
    String id;
    @Option(names = "--to", required = true, paramLabel = "TENANCY", description = "shared | dedicated")
    String to;
    @Option(names = "--threads", defaultValue = "4", description = "Models built in parallel (default: 4).")
    int threads;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TenantId tenant = TenantId.of(id);
        Tenancy target = TenantsCommand.parseTenancy(to);
        try (ProjectContext context = project.open()) {
            ProjectConfig config = context.config();
            Path models = config.dbtProject().orElseGet(() -> BundledProject.extractTo(ModelOptions.bundledDir(config)));
            LayoutBuild builder = new LayoutBuild(models, EngineOptions.defaults(context.warehouse()),
                    RunOptions.defaults().withThreads(threads).withTargetDir(models.resolve("target")
                            .resolve("tenants").resolve(tenant.value())));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Moving tenant %s to %s ...%n", tenant, target.id());
            out.flush();
            MoveReport report = new TenantMove(context.controlPlane(), context.warehouse(), builder)
                    .move(tenant, target, "cli:" + System.getProperty("user.name", "unknown"));
            print(report, out);
        }
        return Main.OK;
    }

    private static void print(MoveReport report, PrintWriter out) {
        if (report.alreadyThere()) {
            out.printf("Tenant %s is already %s.%n", report.tenant(), report.to().id());
        }
        else {
            out.printf("Copied %d raw rows of %s from the %s layout:%n", report.copiedRows(), report.tenant(),
                    report.from().id());
            table(report.copied(), out);
            out.printf("Built its models and verified %d marts row by row (identical in both layouts):%n",
                    report.verifiedMarts().size());
            table(report.verifiedMarts(), out);
            out.printf("Tenancy of %s is now %s.%n", report.tenant(), report.to().id());
        }
        LayoutRemoval removed = report.removed();
        if (removed.isEmpty()) {
            out.printf("No copy left in the %s layout.%n", report.from().id());
            return;
        }
        out.printf(Locale.ROOT, "Deleted the old %s copy: %d rows from %d tables%s:%n", report.from().id(),
                removed.totalRows(), removed.rows().size(), removed.schemas().isEmpty() ? ""
                        : ", dropped schemas " + String.join(", ", removed.schemas()));
        table(removed.rows(), out);
    }

    /** Rows per table, by table name. */
    static void table(Map<TableRef, Long> rows, PrintWriter out) {
        TextTable table = new TextTable("table", "rows");
        new java.util.TreeMap<>(rows).forEach((ref, n) -> table.row(ref.toString(), String.valueOf(n)));
        table.print(out);
    }
}
