package io.cairn.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Runs one source's streams on a pool of its own, at most {@code parallel} at once. Each stream keeps its own sink
 * and checkpoint, so a failing stream leaves the others to finish; the first refused grant stops the streams that
 * have not started yet (they would only be refused again).
 */
final class ParallelStreams {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelStreams.class);

    /** Syncs one stream; returns null when it was skipped because {@code refused} is set. */
    interface StreamTask {
        StreamSyncReport run(String stream, AtomicBoolean refused);
    }

    private final int parallel;
    private final SourceDefinition source;

    ParallelStreams(int parallel, SourceDefinition source) {
        this.parallel = parallel;
        this.source = source;
    }

    /** The reports of the streams that ran, in the order of {@code streams}. */
    List<StreamSyncReport> run(List<String> streams, StreamTask task) {
        AtomicBoolean refused = new AtomicBoolean();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "sync-" + source.tenant() + "-" + source.name() + "-"
                    + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<StreamSyncReport>> futures = new ArrayList<>();
            for (String stream : streams) {
                futures.add(pool.submit(() -> runOne(task, stream, refused, mdc)));
            }
            return collect(futures);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private StreamSyncReport runOne(StreamTask task, String stream, AtomicBoolean refused, Map<String, String> mdc) {
        ConnectorSync.restore(mdc);
        try {
            StreamSyncReport report = task.run(stream, refused);
            if (report != null && report.needsReauthorisation() && refused.compareAndSet(false, true)) {
                LOG.warn("Stopping the sync of tenant {} source {}: it needs re-authorisation; streams not started "
                        + "yet are skipped", source.tenant(), source.name());
            }
            return report;
        }
        finally {
            MDC.clear();
        }
    }

    /** Waits for every stream, so one unexpected error does not cut the others short, then rethrows it. */
    private List<StreamSyncReport> collect(List<Future<StreamSyncReport>> futures) {
        List<StreamSyncReport> reports = new ArrayList<>();
        RuntimeException unexpected = null;
        for (Future<StreamSyncReport> future : futures) {
            try {
                StreamSyncReport report = future.get();
                if (report != null) {
                    reports.add(report);
                }
            }
            catch (ExecutionException e) {
                if (unexpected == null) {
                    unexpected = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new CairnException(ErrorCode.INTERNAL, e.getCause(), "Cannot sync a stream of tenant "
                                    + "%s source %s: %s", source.tenant(), source.name(), e.getCause());
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CairnException(ErrorCode.INTERNAL, e, "Cannot finish the sync of tenant %s source %s: "
                        + "interrupted", source.tenant(), source.name());
            }
        }
        if (unexpected != null) {
            throw unexpected;
        }
        return reports;
    }
}
