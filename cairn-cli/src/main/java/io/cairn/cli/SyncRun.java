package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.cairn.core.alert.Alert;
import io.cairn.core.alert.AlertChannels;
import io.cairn.core.alert.AlertRouter;
import io.cairn.core.alert.AlertStore;
import io.cairn.core.alert.HttpSender;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SortableIds;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.landing.LandingService;
import io.cairn.core.landing.LoadOutcome;
import io.cairn.core.landing.SyncReport;
import io.cairn.core.sync.ConnectorSync;
import io.cairn.core.sync.ReauthAlerts;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.core.sync.SyncOptions;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;

/**
 * One sync of chosen sources: file drops land through {@link LandingService}, sources with a connector are read
 * through {@link ConnectorSync} with the control plane's encrypted credential store. A source marked as needing
 * re-authorisation is skipped until new credentials are stored, and its tenant's alert channels hear about it once
 * ({@link ReauthAlerts}).
 *
 * @param report every load, of both kinds
 * @param streams every {@code tenant/source/stream} synced, including connector streams that read nothing
 * @param failures source- or stream-level failures that produced no load (bad config, refused credentials)
 * @param alerts the re-authorisation alerts delivered (triggers and resolves)
 */
record SyncRun(SyncReport report, Set<String> streams, List<String> failures, List<Alert> alerts) {
    /** Only used to build the channels; re-authorisation alerts go to the tenant's channels, never the platform's. */
    private static final TenantId PLATFORM = TenantId.of("platform");

    boolean hasFailures() {
        return report.hasFailures() || !failures.isEmpty();
    }

    static SyncRun run(ProjectContext context, List<SourceDefinition> sources, int threads) {
        List<SourceDefinition> files = sources.stream()
                .filter(source -> LandingService.FILE_SOURCE_TYPE.equals(source.type())).toList();
        // collects streams, failures and alerts as sources run; the report of every load is made at the end
        SyncRun run = new SyncRun(new SyncReport(List.of()), new LinkedHashSet<>(), new ArrayList<>(),
                new ArrayList<>());
        List<LoadOutcome> loads = new ArrayList<>(SyncCommand.landingService(context, threads).sync(files).loads());
        ConnectorSync sync = new ConnectorSync(context.controlPlane(), SyncCommand.landingService(context, threads),
                context.rawZone(), Clock.systemUTC(), SyncOptions.DEFAULT, SyncListener.NONE);
        ReauthAlerts reauth = reauthAlerts(context);
        String runId = SortableIds.next(Clock.systemUTC());
        for (SourceDefinition source : sources) {
            if (!files.contains(source)) {
                run.syncConnector(context.controlPlane(), sync, reauth, runId, source, loads);
            }
        }
        TenantIsolationHook.afterLanding(context);
        return new SyncRun(new SyncReport(loads), run.streams, run.failures, run.alerts);
    }

    private void syncConnector(ControlPlane controlPlane, ConnectorSync sync, ReauthAlerts reauth, String runId,
            SourceDefinition source, List<LoadOutcome> loads) {
        Optional<String> refused = controlPlane.credentials().needsReauthorisation(source.tenant(), source.name());
        if (refused.isPresent()) {
            failures.add(String.format("tenant %s source %s: skipped, state needs_reauth (%s); store a new refresh "
                    + "token with `cairn credentials set %s %s refresh_token` (value on standard input) or put it "
                    + "in tenants.yml", source.tenant(), source.name(), refused.get(), source.tenant(), source.name()));
            route(source, () -> reauth.refused(source, runId, refused.get()));
            return;
        }
        try {
            List<StreamSyncReport> reports = readConnector(controlPlane, sync, source);
            for (StreamSyncReport stream : reports) {
                loads.addAll(stream.loads());
                streams.add(source.tenant() + "/" + source.name() + "/" + stream.stream());
                if (stream.failed()) {
                    failures.add(String.format("tenant %s source %s stream %s: %s%s", source.tenant(),
                            source.name(), stream.stream(), stream.error(), stream.needsReauthorisation()
                                    ? " (state needs_reauth: store a new refresh token with `cairn credentials set "
                                            + source.tenant() + " " + source.name() + " refresh_token`)" : ""));
                }
            }
            Optional<StreamSyncReport> refusal = reports.stream().filter(StreamSyncReport::needsReauthorisation)
                    .findFirst();
            if (refusal.isPresent()) {
                String reason = controlPlane.credentials().needsReauthorisation(source.tenant(), source.name())
                        .orElse(refusal.get().error());
                route(source, () -> reauth.refused(source, runId, reason));
            }
            else if (reports.stream().anyMatch(stream -> !stream.failed())) {
                route(source, () -> reauth.authorised(source, runId));
            }
        }
        catch (CairnException e) {
            failures.add(String.format("tenant %s source %s: %s", source.tenant(), source.name(), e.getMessage()));
        }
    }

    /** Routing trouble (the control plane's alert state) is a failure of this sync, but it loses no data. */
    private void route(SourceDefinition source, Supplier<List<Alert>> routing) {
        try {
            alerts.addAll(routing.get());
        }
        catch (CairnException e) {
            failures.add(String.format("tenant %s source %s: cannot route its re-authorisation alert: %s",
                    source.tenant(), source.name(), e.getMessage()));
        }
    }

    private static List<StreamSyncReport> readConnector(ControlPlane controlPlane, ConnectorSync sync,
            SourceDefinition definition) {
        SourceFactory factory = SourceFactories.find(definition.type());
        var credentials = controlPlane.credentials();
        try (Source source = factory.open(SourceFactories.config(definition, factory, credentials),
                new SourceContext(credentials))) {
            return sync.sync(definition, source, SourceFactories.streams(definition, source));
        }
    }

    private static ReauthAlerts reauthAlerts(ProjectContext context) {
        AlertChannels channels = new AlertChannels(context.controlPlane().credentials(), PLATFORM,
                HttpSender.withDefaults());
        return new ReauthAlerts(new AlertRouter(AlertStore.connect(context.config().controlPlane()), channels,
                ReauthAlerts.POLICY, Clock.systemUTC()), Clock.systemUTC());
    }

    void printFailures(PrintWriter out) {
        for (String failure : failures) {
            out.println("FAILED " + failure);
        }
        for (Alert alert : alerts) {
            out.printf("ALERT %s %s: %s%n", alert.action().name().toLowerCase(Locale.ROOT), alert.key(),
                    alert.summary());
        }
        out.flush();
    }
}
