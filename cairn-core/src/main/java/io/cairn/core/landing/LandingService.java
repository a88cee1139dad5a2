package io.cairn.core.landing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.rawzone.InboxFile;
import io.cairn.core.rawzone.RawZone;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * Syncs file-drop sources: takes complete drops from the inbox into the raw zone, then lands each raw file into
 * its raw table, recording every step in the control plane. The order of durable steps makes a crash anywhere
 * safe to rerun: a load is recorded as {@code MOVING} before its file moves, {@code STAGED} once the file is
 * closed in the raw zone, and {@code LANDED} (with the stream's cursor) only after the warehouse committed it;
 * the warehouse's load ledger makes landing a load twice a no-op.
 */
public final class LandingService {
    /** The source type whose drops arrive in the inbox. */
    public static final String FILE_SOURCE_TYPE = "files";
    private static final Logger LOG = LoggerFactory.getLogger(LandingService.class);

    private final ControlPlane controlPlane;
    private final Warehouse warehouse;
    private final RawZone rawZone;
    private final int threads;
    private final Clock clock;
    private final LandingListener listener;

    public LandingService(ControlPlane controlPlane, Warehouse warehouse, RawZone rawZone, int threads, Clock clock,
            LandingListener listener) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.rawZone = requireNonNull(rawZone, "rawZone is null");
        this.threads = Math.max(1, threads);
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** Takes in and lands everything pending for the given sources; loads of different streams run in parallel. */
    public SyncReport sync(List<SourceDefinition> sources) {
        Map<String, List<LoadRecord>> byStream = new LinkedHashMap<>();
        Map<String, SourceDefinition> sourceOf = new LinkedHashMap<>();
        for (SourceDefinition source : sources) {
            takeIn(source);
            for (LoadRecord load : staged(source)) {
                String key = source.tenant() + "/" + source.name() + "/" + load.stream();
                byStream.computeIfAbsent(key, k -> new ArrayList<>()).add(load);
                sourceOf.put(key, source);
            }
        }
        List<LoadOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            byStream.forEach((key, loads) -> futures.add(pool.submit(() -> {
                for (LoadRecord load : loads) {
                    outcomes.add(land(sourceOf.get(key), load));
                }
            })));
            awaitAll(futures);
        }
        finally {
            pool.shutdownNow();
        }
        sources.forEach(source -> rawZone.closeEmptyDrops(source.tenant(), source.name()));
        List<LoadOutcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(java.util.Comparator.comparing(LoadOutcome::loadId));
        return new SyncReport(ordered);
    }

    /**
     * Puts the source's failed loads whose raw file is still in the raw zone back to staged, so the next
     * {@link #sync} lands them again; returns how many. A file that was itself broken fails again, naming why.
     */
    public int restageFailed(SourceDefinition source) {
        int restaged = 0;
        for (LoadRecord load : controlPlane.loads().failed(source.tenant(), source.name())) {
            if (load.rawFile() != null && java.nio.file.Files.exists(Path.of(load.rawFile()))
                    && java.nio.file.Files.exists(RawZone.successMarker(Path.of(load.rawFile())))) {
                controlPlane.loads().restage(load.loadId());
                restaged++;
            }
        }
        return restaged;
    }

    /** Records and moves every complete inbox file of a source; finishes moves a crash interrupted. */
    private void takeIn(SourceDefinition source) {
        for (LoadRecord load : controlPlane.loads().unfinished(source.tenant())) {
            if (load.source().equals(source.name()) && load.status() == LoadStatus.MOVING) {
                finishMove(load);
            }
        }
        for (InboxFile file : rawZone.completeDrops(source.tenant(), source.name())) {
            Instant now = clock.instant();
            String loadId = LoadIds.next(now);
            Path rawPath = rawZone.rawPath(file, loadId, LocalDate.ofInstant(now, ZoneOffset.UTC));
            controlPlane.loads().insert(new LoadRecord(loadId, file.tenant(), file.source(), file.stream(),
                    file.path().toString(), rawPath.toString(), file.format().name(), LoadStatus.MOVING,
                    file.bytes(), null, now, null, null));
            rawZone.takeIn(file.path(), rawPath);
            controlPlane.loads().markStaged(loadId);
        }
    }

    private void finishMove(LoadRecord load) {
        try {
            rawZone.takeIn(Path.of(load.inboxFile()), Path.of(load.rawFile()));
            controlPlane.loads().markStaged(load.loadId());
            LOG.info("Finished the interrupted move of load {} ({})", load.loadId(), load.rawFile());
        }
        catch (CairnException e) {
            controlPlane.loads().markFailed(load.loadId(), e.getMessage());
        }
    }

    private List<LoadRecord> staged(SourceDefinition source) {
        return controlPlane.loads().unfinished(source.tenant()).stream()
                .filter(load -> load.source().equals(source.name()) && load.status() == LoadStatus.STAGED)
                .toList();
    }

    /**
     * Lands one {@code STAGED} load of a source and records it. For file sources the stream's cursor (last load,
     * largest change time) advances here; a connector keeps its own checkpoint and advances it after this returns.
     */
    public LoadOutcome land(SourceDefinition source, LoadRecord load) {
        long started = System.nanoTime();
        MDC.put("tenant", source.tenant().value());
        MDC.put("source", source.name());
        try {
            Path rawFile = Path.of(load.rawFile());
            LoadRequest request = new LoadRequest(source.tenant(), source.system(), load.stream(), load.loadId(),
                    rawFile, rawZone.root().relativize(rawFile).toString(), FileFormat.valueOf(load.format()),
                    StreamContracts.forStream(source.system(), load.stream()), clock.instant(),
                    rawSchemaOf(source.tenant()));
            LoadResult result = warehouse.rawLoader().land(request);
            listener.afterWarehouseCommit(load.loadId(), result);
            controlPlane.loads().markLanded(load.loadId(), result);
            if (FILE_SOURCE_TYPE.equals(source.type())) {
                StreamCursor.advance(controlPlane, source, load.stream(), load.loadId(), result, clock.instant());
            }
            return outcome(load, result, null, started);
        }
        catch (CairnException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                throw e;
            }
            LOG.warn("Load {} of tenant {} source {} stream {} failed: {}", load.loadId(), source.tenant(),
                    source.name(), load.stream(), e.getMessage());
            controlPlane.loads().markFailed(load.loadId(), e.getMessage());
            return outcome(load, null, e.getMessage(), started);
        }
        finally {
            MDC.remove("tenant");
            MDC.remove("source");
        }
    }

    /** {@code raw} for a shared tenant, {@code <tenant>_raw} for a dedicated one (DESIGN.md section 6). */
    private String rawSchemaOf(TenantId tenant) {
        Tenancy tenancy = controlPlane.tenants().find(tenant).map(Tenant::tenancy).orElse(Tenancy.SHARED);
        return TenantLayout.of(tenant, tenancy).rawSchema();
    }

    private static LoadOutcome outcome(LoadRecord load, LoadResult result, String error, long started) {
        return new LoadOutcome(load.tenant(), load.source(), load.stream(), load.loadId(), load.rawFile(), result,
                error, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitAll(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CairnException(ErrorCode.INTERNAL, e, "Cannot finish the sync: interrupted");
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new CairnException(ErrorCode.INTERNAL, e.getCause(), "Cannot finish the sync: %s",
                        e.getCause().getMessage());
            }
        }
    }
}
