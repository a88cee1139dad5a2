package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
import io.cairn.core.orchestrate.SourceWatermarks;
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
 * ({@link ReauthAlerts}). Every source that syncs without a failure moves its watermark ({@link SourceWatermarks}),
 * as a pipeline's sync step does, so a later pipeline that fences a failed source uses the rows of this sync.
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

    /** A sync of its own ({@code cairn sync}, the demo): every source that succeeds moves its watermark. */
    static SyncRun run(ProjectContext context, List<SourceDefinition> sources, int threads) {
        return run(context, sources, threads, true);
    }

    /**
     * A sync step of a pipeline run: the run moves the watermark of a successful task itself, or fences the source
     * when the task fails after this sync, so this sync leaves the watermark alone.
     */
    static SyncRun inPipeline(ProjectContext context, SourceDefinition source) {
        return run(context, List.of(source), 1, false);
    }

    private static SyncRun run(ProjectContext context, List<SourceDefinition> sources, int threads,
            boolean recordWatermarks) {
        List<SourceDefinition> files = sources.stream()
                .filter(source -> LandingService.FILE_SOURCE_TYPE.equals(source.type())).toList();
        // collects streams, failures and alerts as sources run; the report of every load is made at the end
        SyncRun run = new SyncRun(new SyncReport(List.of()), new LinkedHashSet<>(), new ArrayList<>(),
                new ArrayList<>());
        String runId = SortableIds.next(Clock.systemUTC());
        Consumer<SourceDefinition> succeeded = recordWatermarks ? watermarkAdvancer(context, runId) : source -> { };
        List<LoadOutcome> loads = new ArrayList<>(SyncCommand.landingService(context, threads).sync(files).loads());
        for (SourceDefinition file : files) {
            if (loads.stream().noneMatch(load -> load.failed() && isOf(load, file))) {
                succeeded.accept(file);
            }
        }
        ConnectorSync sync = new ConnectorSync(context.controlPlane(), SyncCommand.landingService(context, threads),
                context.rawZone(), Clock.systemUTC(), SyncOptions.DEFAULT, SyncListener.NONE);
        ReauthAlerts reauth = reauthAlerts(context);
        for (SourceDefinition source : sources) {
            if (!files.contains(source) && run.syncConnector(context.controlPlane(), sync, reauth, runId, source,
                    loads)) {
                succeeded.accept(source);
            }
        }
        TenantIsolationHook.afterLanding(context);
        return new SyncRun(new SyncReport(loads), run.streams, run.failures, run.alerts);
    }

    /** Moves a source's watermark to now: everything it landed so far came from syncs that succeeded. */
    private static Consumer<SourceDefinition> watermarkAdvancer(ProjectContext context, String runId) {
        SourceWatermarks watermarks = context.controlPlane().pipelineRuns().watermarks();
        return source -> watermarks.advance(source.tenant(), source.name(), Clock.systemUTC().instant(), runId);
    }

    private static boolean isOf(LoadOutcome load, SourceDefinition source) {
        return load.tenant().equals(source.tenant()) && load.source().equals(source.name());
    }

    /** Syncs one connector source; true when every stream was read and landed without a failure. */
    private boolean syncConnector(ControlPlane controlPlane, ConnectorSync sync, ReauthAlerts reauth, String runId,
            SourceDefinition source, List<LoadOutcome> loads) {
        Optional<String> refused = controlPlane.credentials().needsReauthorisation(source.tenant(), source.name());
        if (refused.isPresent()) {
            failures.add(String.format("tenant %s source %s: skipped, state needs_reauth (%s); run `%s` (value on "
                    + "standard input) or put the new value in tenants.yml", source.tenant(), source.name(),
                    refused.get(), ReauthAlerts.command(source)));
            route(source, () -> reauth.refused(source, runId, refused.get()));
            return false;
        }
        try {
            List<StreamSyncReport> reports = readConnector(controlPlane, sync, source);
            for (StreamSyncReport stream : reports) {
                loads.addAll(stream.loads());
                streams.add(source.tenant() + "/" + source.name() + "/" + stream.stream());
                if (stream.failed()) {
                    failures.add(String.format("tenant %s source %s stream %s: %s%s", source.tenant(),
                            source.name(), stream.stream(), stream.error(), stream.needsReauthorisation()
                                    ? " (state needs_reauth: run `" + ReauthAlerts.command(source) + "`)" : ""));
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
            return reports.stream().noneMatch(stream -> stream.failed()
                    || stream.loads().stream().anyMatch(LoadOutcome::failed));
        }
        catch (CairnException e) {
            failures.add(String.format("tenant %s source %s: %s", source.tenant(), source.name(), e.getMessage()));
            return false;
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
