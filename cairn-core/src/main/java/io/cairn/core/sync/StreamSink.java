package io.cairn.core.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.core.controlplane.SortableIds;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.StreamState;
import io.cairn.core.landing.LandingService;
import io.cairn.core.landing.LoadOutcome;
import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.RecordSink;

/**
 * Receives one stream's records and checkpoints. Records go to a raw file; after every {@code checkpointsPerFile}
 * checkpoints (and at the end) the file is closed, recorded {@code STAGED}, landed, and only then is the last
 * checkpoint saved, so the saved checkpoint never covers records that are not durable in the warehouse.
 */
final class StreamSink implements RecordSink {
    private final Deps deps;
    private final SourceDefinition source;
    private final String stream;
    private final List<LoadOutcome> loads = new ArrayList<>();
    private RawFileWriter file;
    private Checkpoint pending;
    private int checkpointsInFile;
    private long recordsRead;
    private long rowsLanded;
    private String saved;

    /** What every stream sink of one sync shares. */
    record Deps(ControlPlane controlPlane, LandingService landing, RawZone rawZone, Clock clock, SyncOptions options,
            SyncListener listener) {}

    StreamSink(Deps deps, SourceDefinition source, String stream) {
        this.deps = deps;
        this.source = source;
        this.stream = stream;
    }

    @Override
    public void record(String json) {
        if (file == null) {
            file = new RawFileWriter(nextPath());
        }
        file.write(json);
        recordsRead++;
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        pending = checkpoint;
        if (++checkpointsInFile >= deps.options().checkpointsPerFile()) {
            flush();
        }
    }

    /** Lands what is written and saves the last checkpoint; call at the end of the stream. */
    void flush() {
        if (file != null) {
            land(file);
            file = null;
        }
        checkpointsInFile = 0;
        if (pending != null && !pending.isNone() && !pending.state().equals(saved)) {
            deps.controlPlane().state().put(new StreamState(source.tenant(), source.name(), stream, pending.state(),
                    deps.clock().instant()));
            saved = pending.state();
            deps.listener().afterCheckpointSaved(stream, pending);
        }
    }

    /** Discards records not yet landed, after the source failed; their checkpoint is not saved. */
    void abort() {
        if (file != null) {
            file.abort();
            file = null;
        }
    }

    void startFrom(String savedCheckpoint) {
        this.saved = savedCheckpoint;
    }

    private void land(RawFileWriter writer) {
        long bytes = writer.close();
        String loadId = loadIdOf(writer.target());
        Instant now = deps.clock().instant();
        LoadRecord load = new LoadRecord(loadId, source.tenant(), source.name(), stream, null,
                writer.target().toString(), FileFormat.JSONL.name(), LoadStatus.STAGED, bytes, null, now, null, null);
        deps.controlPlane().loads().insert(load);
        deps.listener().afterStaged(stream, loadId);
        LoadOutcome outcome = deps.landing().land(source, load);
        loads.add(outcome);
        if (outcome.failed()) {
            throw new CairnException(ErrorCode.WAREHOUSE, "Cannot land load %s of tenant %s source %s stream %s: %s",
                    loadId, source.tenant(), source.name(), stream, outcome.error());
        }
        rowsLanded += outcome.result().rowsLanded();
        deps.listener().afterLanded(stream, loadId);
    }

    private Path nextPath() {
        Instant now = deps.clock().instant();
        String loadId = SortableIds.next(deps.clock());
        return deps.rawZone().rawFolder(source.tenant(), source.name()).resolve(stream)
                .resolve("ingest_date=" + LocalDate.ofInstant(now, ZoneOffset.UTC))
                .resolve(loadId + "." + FileFormat.JSONL.extension());
    }

    private static String loadIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    StreamSyncReport report(String error, boolean needsReauthorisation) {
        return new StreamSyncReport(stream, loads, recordsRead, rowsLanded, saved, error, needsReauthorisation);
    }
}
