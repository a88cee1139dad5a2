package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.landing.LandingListener;
import io.cairn.core.landing.LandingService;
import io.cairn.core.landing.SyncReport;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/** {@code cairn sync}: takes in and lands every complete drop of the selected tenants' file sources. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Land pending data of every enabled source (file drops: <root>/inbox/<tenant>/<source>/<stream>/).")
final class SyncCommand implements Callable<Integer> {
    static final Set<String> LANDABLE_TYPES = Set.of(LandingService.FILE_SOURCE_TYPE);

    @Mixin
    ProjectOptions project;

    @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", description = "Only this tenant (repeatable).")
    List<String> tenants = new ArrayList<>();

    @Option(names = {"-s", "--source"}, paramLabel = "SOURCE", description = "Only this source (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "2", description = "Streams landed in parallel (default: 2).")
    int threads;

    @Option(names = "--json", description = "Print one JSON document (every load and its figures) for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ProjectContext context = project.open()) {
            List<SourceDefinition> selected = select(context.controlPlane(), tenants, sources, spec.commandLine().getErr());
            SyncReport report = landingService(context, threads).sync(selected);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(SyncSummary.toJson(report));
            }
            else {
                SyncSummary.print(out, report, context, null);
            }
            return report.hasFailures() ? Main.DATA_FAILURE : Main.OK;
        }
    }

    static LandingService landingService(ProjectContext context, int threads) {
        return new LandingService(context.controlPlane(), context.warehouse(), context.rawZone(), threads,
                Clock.systemUTC(), LandingListener.NONE);
    }

    /** The enabled, landable sources of the chosen tenants (all when none is named). */
    static List<SourceDefinition> select(ControlPlane controlPlane, List<String> tenantIds, List<String> sourceNames,
            PrintWriter err) {
        List<TenantId> chosen = new ArrayList<>();
        if (tenantIds.isEmpty()) {
            controlPlane.tenants().list().stream().map(Tenant::id).forEach(chosen::add);
        }
        for (String id : tenantIds) {
            TenantId tenant = TenantId.of(id);
            if (controlPlane.tenants().find(tenant).isEmpty()) {
                throw new CairnException(ErrorCode.NOT_FOUND, "Cannot sync tenant %s: no such tenant "
                        + "(see cairn tenants list)", tenant);
            }
            chosen.add(tenant);
        }
        List<SourceDefinition> result = new ArrayList<>();
        for (TenantId tenant : chosen) {
            for (SourceDefinition source : controlPlane.sources().list(tenant)) {
                if (!source.enabled() || (!sourceNames.isEmpty() && !sourceNames.contains(source.name()))) {
                    continue;
                }
                if (!LANDABLE_TYPES.contains(source.type())) {
                    err.printf("warning: tenant %s source %s: type '%s' has no connector in this build; skipped%n",
                            tenant, source.name(), source.type());
                    continue;
                }
                result.add(source);
            }
        }
        return result;
    }
}
