package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.landing.LandingService;
import io.cairn.core.landing.LoadOutcome;
import io.cairn.core.landing.SyncReport;
import io.cairn.core.sync.ConnectorSync;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.core.sync.SyncOptions;
import io.cairn.spi.CairnException;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;

/**
 * One sync of chosen sources: file drops land through {@link LandingService}, sources with a connector are read
 * through {@link ConnectorSync} with the control plane's encrypted credential store.
 *
 * @param report every load, of both kinds
 * @param streams every {@code tenant/source/stream} synced, including connector streams that read nothing
 * @param failures source- or stream-level failures that produced no load (bad config, refused credentials)
 */
record SyncRun(SyncReport report, Set<String> streams, List<String> failures) {
    boolean hasFailures() {
        return report.hasFailures() || !failures.isEmpty();
    }

    static SyncRun run(ProjectContext context, List<SourceDefinition> sources, int threads) {
        List<SourceDefinition> files = sources.stream()
                .filter(source -> LandingService.FILE_SOURCE_TYPE.equals(source.type())).toList();
        List<LoadOutcome> loads = new ArrayList<>(SyncCommand.landingService(context, threads).sync(files).loads());
        Set<String> streams = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        ConnectorSync sync = new ConnectorSync(context.controlPlane(), SyncCommand.landingService(context, threads),
                context.rawZone(), Clock.systemUTC(), SyncOptions.DEFAULT, SyncListener.NONE);
        for (SourceDefinition source : sources) {
            if (files.contains(source)) {
                continue;
            }
            try {
                for (StreamSyncReport stream : syncConnector(context.controlPlane(), sync, source)) {
                    loads.addAll(stream.loads());
                    streams.add(source.tenant() + "/" + source.name() + "/" + stream.stream());
                    if (stream.failed()) {
                        failures.add(String.format("tenant %s source %s stream %s: %s%s", source.tenant(),
                                source.name(), stream.stream(), stream.error(), stream.needsReauthorisation()
                                        ? " (needs re-authorisation: put a new refresh token in tenants.yml)" : ""));
                    }
                }
            }
            catch (CairnException e) {
                failures.add(String.format("tenant %s source %s: %s", source.tenant(), source.name(), e.getMessage()));
            }
        }
        TenantIsolationHook.afterLanding(context);
        return new SyncRun(new SyncReport(loads), streams, failures);
    }

    private static List<StreamSyncReport> syncConnector(ControlPlane controlPlane, ConnectorSync sync,
            SourceDefinition definition) {
        SourceFactory factory = SourceFactories.find(definition.type());
        var credentials = controlPlane.credentials();
        try (Source source = factory.open(SourceFactories.config(definition, factory, credentials),
                new SourceContext(credentials))) {
            return sync.sync(definition, source, SourceFactories.streams(definition, source));
        }
    }

    void printFailures(PrintWriter out) {
        for (String failure : failures) {
            out.println("FAILED " + failure);
        }
        out.flush();
    }
}
