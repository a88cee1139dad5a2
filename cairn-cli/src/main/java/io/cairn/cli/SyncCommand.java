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
import io.cairn.core.sync.SourceFactories;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/**
 * {@code cairn sync}: lands every complete drop of the selected tenants' file sources and reads their connector
 * sources (Shopify, QuickBooks, ...) from the saved cursors.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Land pending data of every enabled source: file drops (<root>/inbox/<tenant>/<source>/<stream>/) "
                + "and connector sources (shopify, quickbooks, ...) from their saved cursors.")
final class SyncCommand implements Callable<Integer> {
    /** Source types this build can sync: file drops and every connector found on the class path. */
    static Set<String> landableTypes() {
        Set<String> types = new java.util.TreeSet<>();
        types.add(LandingService.FILE_SOURCE_TYPE);
        SourceFactories.all().forEach(factory -> types.add(factory.type()));
        return types;
    }

    @Mixin
    ProjectOptions project;

    @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", description = "Only this tenant (repeatable).")
    List<String> tenants = new ArrayList<>();

    @Option(names = {"-s", "--source"}, paramLabel = "SOURCE", description = "Only this source (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "2", description = "Streams landed in parallel (default: 2).")
    int threads;

    @Option(names = "--retry-failed", description = "Land again the failed loads of file sources whose raw file is "
            + "still in the raw zone (after a warehouse outage, say).")
    boolean retryFailed;

    @Option(names = "--json", description = "Print one JSON document (every load and its figures) for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ProjectContext context = project.open()) {
            List<SourceDefinition> selected = select(context.controlPlane(), tenants, sources, spec.commandLine().getErr());
            if (retryFailed) {
                LandingService landing = landingService(context, threads);
                int restaged = selected.stream().filter(source -> LandingService.FILE_SOURCE_TYPE.equals(source.type()))
                        .mapToInt(landing::restageFailed).sum();
                spec.commandLine().getErr().printf("Retrying %d failed load(s).%n", restaged);
            }
            SyncRun run = SyncRun.run(context, selected, threads);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(SyncSummary.toJson(run));
            }
            else {
                SyncSummary.print(out, run, context, null, Set.of());
                run.printFailures(out);
            }
            return run.hasFailures() ? Main.DATA_FAILURE : Main.OK;
        }
    }

    static LandingService landingService(ProjectContext context, int threads) {
        return new LandingService(context.controlPlane(), context.warehouse(), context.rawZone(), threads,
                Clock.systemUTC(), LandingListener.NONE);
    }

    /** The enabled sources of the chosen tenants (all when none is named) that this build can sync. */
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
        Set<String> landable = landableTypes();
        for (TenantId tenant : chosen) {
            for (SourceDefinition source : controlPlane.sources().list(tenant)) {
                if (!source.enabled() || (!sourceNames.isEmpty() && !sourceNames.contains(source.name()))) {
                    continue;
                }
                if (!landable.contains(source.type())) {
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
