package io.cairn.core.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.StreamState;
import io.cairn.core.landing.LandingService;
import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.CairnException;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.StreamDescriptor;

import static java.util.Objects.requireNonNull;

/**
 * Syncs a tenant's connector source: for each stream, lands loads a previous run left {@code STAGED}, reads from
 * the saved checkpoint into raw files, lands them and saves each checkpoint only after its records landed. A crash
 * at any point followed by another sync leaves the warehouse as one clean sync would: the resumed read starts at
 * the last saved checkpoint and landing deduplicates records read twice. A failing stream does not stop the
 * others, except when the source needs re-authorisation.
 */
public final class ConnectorSync {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSync.class);

    private final StreamSink.Deps deps;

    public ConnectorSync(ControlPlane controlPlane, LandingService landing, RawZone rawZone, Clock clock,
            SyncOptions options, SyncListener listener) {
        this.deps = new StreamSink.Deps(requireNonNull(controlPlane, "controlPlane is null"),
                requireNonNull(landing, "landing is null"), requireNonNull(rawZone, "rawZone is null"),
                requireNonNull(clock, "clock is null"), requireNonNull(options, "options is null"),
                requireNonNull(listener, "listener is null"));
    }

    /** Syncs every stream of the source, in the order the source lists them. */
    public List<StreamSyncReport> sync(SourceDefinition definition, Source source) {
        return sync(definition, source, source.streams().stream().map(StreamDescriptor::name).toList());
    }

    /**
     * Syncs the named streams of the source: up to its {@code parallel_streams} at once when the source supports
     * concurrent streams, else one after another; reports come in the order of {@code streams}. A stream that fails
     * does not stop the others; a refused grant stops streams not started yet.
     */
    public List<StreamSyncReport> sync(SourceDefinition definition, Source source, List<String> streams) {
        int parallel = source.supportsConcurrentStreams()
                ? Math.min(SourceFactories.parallelStreams(definition), streams.size()) : 1;
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        MDC.put("tenant", definition.tenant().value());
        MDC.put("source", definition.name());
        try {
            if (parallel <= 1) {
                return sequential(definition, source, streams);
            }
            return new ParallelStreams(parallel, definition).run(streams,
                    (stream, refused) -> refused.get() ? null : syncStream(definition, source, stream));
        }
        finally {
            restore(mdc);
        }
    }

    private List<StreamSyncReport> sequential(SourceDefinition definition, Source source, List<String> streams) {
        List<StreamSyncReport> reports = new ArrayList<>();
        for (String stream : streams) {
            StreamSyncReport report = syncStream(definition, source, stream);
            reports.add(report);
            if (report.needsReauthorisation()) {
                LOG.warn("Stopping the sync of tenant {} source {}: it needs re-authorisation",
                        definition.tenant(), definition.name());
                break;
            }
        }
        return reports;
    }

    static void restore(Map<String, String> mdc) {
        if (mdc == null) {
            MDC.clear();
        }
        else {
            MDC.setContextMap(mdc);
        }
    }

    /** Syncs one stream from its saved checkpoint. */
    public StreamSyncReport syncStream(SourceDefinition definition, Source source, String stream) {
        finishStaged(definition, stream);
        String saved = deps.controlPlane().state().get(definition.tenant(), definition.name(), stream)
                .map(StreamState::cursor).orElse(null);
        StreamSink sink = new StreamSink(deps, definition, stream);
        sink.startFrom(saved);
        try {
            source.read(stream, new Checkpoint(saved), sink);
            sink.flush();
            StreamSyncReport report = sink.report(null, false);
            LOG.info("Synced stream {} of tenant {} source {}: {} records read, {} rows landed, {} loads", stream,
                    definition.tenant(), definition.name(), report.recordsRead(), report.rowsLanded(),
                    report.loads().size());
            return report;
        }
        catch (CairnException e) {
            sink.abort();
            boolean reauth = e instanceof SourceException failure
                    && failure.kind() == SourceException.Kind.NEEDS_REAUTHORISATION;
            LOG.warn("Cannot sync stream {} of tenant {} source {}: {}", stream, definition.tenant(),
                    definition.name(), e.getMessage());
            return sink.report(e.getMessage(), reauth);
        }
    }

    /** Lands loads a crash left between closing their file and landing it. */
    private void finishStaged(SourceDefinition definition, String stream) {
        for (LoadRecord load : deps.controlPlane().loads().unfinished(definition.tenant())) {
            if (load.source().equals(definition.name()) && load.stream().equals(stream)
                    && load.status() == LoadStatus.STAGED) {
                LOG.info("Landing load {} of tenant {} source {} stream {} left staged by an earlier sync",
                        load.loadId(), definition.tenant(), definition.name(), stream);
                deps.landing().land(definition, load);
            }
        }
    }
}
