package io.cairn.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.tenancy.Offboarding;
import io.cairn.core.tenancy.OffboardingReport;
import io.cairn.core.tenancy.TenantFiles;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/** {@code cairn tenants offboard T [--confirm T]}: prints what offboarding deletes, or deletes it. */
@Command(name = "offboard", mixinStandardHelpOptions = true, description = {
        "Without --confirm: print everything of the tenant that offboarding deletes (warehouse rows per table,",
        "dedicated schemas, raw zone, inbox and published files, control-plane rows). With --confirm ID: delete it",
        "all and print the report. The audit log keeps the tenant's history."})
final class TenantsOffboardCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Parameters(index = "0", paramLabel = "ID")
    String id;
    @Option(names = "--confirm", paramLabel = "ID", description = "The tenant id again, to delete for real.")
    String confirm;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TenantId tenant = TenantId.of(id);
        if (confirm != null && !confirm.equals(id)) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot offboard tenant %s: --confirm %s does not name it",
                    tenant, confirm);
        }
        try (ProjectContext context = project.open()) {
            if (confirm != null && context.tenantsFile().stream().anyMatch(spec -> spec.id().equals(tenant))) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot offboard tenant %s: it is defined in %s and "
                        + "would come back on the next command; remove it there first", tenant,
                        context.config().projectDir().resolve(ProjectContext.TENANTS_FILE));
            }
            Offboarding offboarding = new Offboarding(context.controlPlane(), context.warehouse(),
                    context.config().root(), context.config().projectDir());
            PrintWriter out = spec.commandLine().getOut();
            if (confirm == null) {
                print(offboarding.plan(tenant), out);
                out.printf("Nothing was deleted. To delete all of it: cairn tenants offboard %s --confirm %s%n",
                        tenant, tenant);
            }
            else {
                print(offboarding.offboard(tenant, "cli:" + System.getProperty("user.name", "unknown")), out);
            }
        }
        return Main.OK;
    }

    private static void print(OffboardingReport report, PrintWriter out) {
        String verb = report.done() ? "Deleted" : "Would delete";
        out.printf("%s for tenant %s: %d warehouse rows in %d tables, %d schemas, %d files (%d bytes), %d "
                        + "control-plane rows (the audit log is kept)%n", verb, report.tenant(),
                report.totalWarehouseRows(), report.warehouseRows().size(), report.schemas().size(),
                report.totalFiles(), report.totalBytes(), report.totalControlPlaneRows());
        TenantsMoveCommand.table(report.warehouseRows(), out);
        if (!report.schemas().isEmpty()) {
            out.println("Schemas dropped whole: " + String.join(", ", report.schemas()));
        }
        if (!report.warehouseAccess().isEmpty()) {
            out.println("Warehouse access dropped: " + String.join(", ", report.warehouseAccess()));
        }
        TextTable files = new TextTable("path", "files", "bytes");
        for (TenantFiles group : report.files()) {
            files.row(group.path(), group.files(), group.bytes());
        }
        files.print(out);
        TextTable rows = new TextTable("control-plane table", "rows");
        for (Map.Entry<String, Long> entry : report.controlPlaneRows().entrySet()) {
            rows.row(entry.getKey(), entry.getValue());
        }
        rows.print(out);
    }
}
