package io.cairn.datagen.engine;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;

import static java.util.Objects.requireNonNull;

/**
 * Writes one stream's files chunk by chunk. Deferred lines (duplicates, updates, late records) wait in a small
 * queue of slots and are regenerated when their file is written; nothing else is kept in memory.
 */
public final class StreamRun {
    private record Pending(int chunk, long time, long seq, Slot slot, DefectPlan plan) {
    }

    private static final Comparator<Pending> ORDER = Comparator.comparingInt(Pending::chunk)
            .thenComparingLong(Pending::time).thenComparingLong(Pending::seq);

    private final RecordModel model;
    private final StreamSpec spec;
    private final Period period;
    private final DefectPlanner planner;
    private final Path dir;
    private final StreamStats stats = new StreamStats();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(ORDER);
    private final StreamFiles files;
    private long seq;

    public StreamRun(RecordModel model, Period period, DefectPlanner planner, Path dir) {
        this.model = requireNonNull(model, "model is null");
        this.spec = model.spec();
        this.period = requireNonNull(period, "period is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.dir = requireNonNull(dir, "dir is null");
        this.files = new StreamFiles(dir, model, stats);
    }

    /** Writes every file of the stream, then {@code _SUCCESS}, and returns the exact counts. */
    public StreamStats run() {
        Iterator<Slot> slots = model.slots();
        Slot next = slots.hasNext() ? slots.next() : null;
        for (int chunk = 0; chunk < period.chunks(); chunk++) {
            if (spec.transactional()) {
                files.sink(chunk);
            }
            while (next != null && Period.chunkOf(next.day()) <= chunk) {
                checkInPeriod(next);
                flush(chunk, next.time());
                handle(next, chunk);
                next = slots.hasNext() ? slots.next() : null;
            }
            flush(chunk, Long.MAX_VALUE);
            files.close();
        }
        if (next != null || !pending.isEmpty()) {
            throw new CairnException(ErrorCode.INTERNAL, "Cannot finish stream %s: records left after the period",
                    spec.key());
        }
        Files2.success(dir);
        return stats;
    }

    private void checkInPeriod(Slot slot) {
        if (slot.day() >= period.days()) {
            throw new CairnException(ErrorCode.INTERNAL, "Cannot place record %d of %s: day %d is after the period",
                    slot.index(), spec.key(), slot.day());
        }
    }

    private void handle(Slot slot, int chunk) {
        DefectPlan plan = planner.plan(slot);
        Map<String, Object> original = version(slot, 0, slot.time(), plan);
        Map<String, Object> last = plan.kind() == DefectKind.UPDATE ? version(slot, 1, plan.time(), plan) : original;
        model.onFinal(slot, last);
        stats.distinctIds++;
        if (plan.unknownCurrency() != null) {
            stats.warn += plan.kind() == DefectKind.UPDATE ? 2 : 1;
        }
        if (plan.deferred()) {
            pending.add(new Pending(plan.chunk(), plan.time(), seq++, slot, plan));
        }
        if (plan.kind() == DefectKind.LATE) {
            stats.lateRecords++;
            return;
        }
        landed(chunk, original);
        RecordSink sink = files.sink(chunk);
        if (plan.kind() == DefectKind.MALFORMED) {
            sink.malformed(original, plan.cut());
            stats.malformedLines++;
            deadLetter();
        } else if (plan.kind() == DefectKind.MISSING_ID) {
            sink.missingId(original);
            stats.missingId++;
            deadLetter();
        } else if (plan.kind() == DefectKind.UPDATE) {
            stats.updatedVersions++;
        }
    }

    private void flush(int chunk, long until) {
        while (!pending.isEmpty() && (pending.peek().chunk() < chunk
                || pending.peek().chunk() == chunk && pending.peek().time() <= until)) {
            Pending p = pending.poll();
            DefectKind kind = p.plan().kind();
            if (kind == DefectKind.UPDATE) {
                landed(chunk, version(p.slot(), 1, p.plan().time(), p.plan()));
            } else if (kind == DefectKind.LATE) {
                landed(chunk, version(p.slot(), 0, p.slot().time(), p.plan()));
            } else {
                files.sink(chunk).intact(version(p.slot(), 0, p.slot().time(), p.plan()));
                stats.recordsWritten++;
                stats.duplicates++;
            }
        }
    }

    private void landed(int chunk, Map<String, Object> record) {
        files.sink(chunk).intact(record);
        stats.recordsWritten++;
        stats.landed++;
    }

    private void deadLetter() {
        stats.recordsWritten++;
        stats.deadLetter++;
    }

    private Map<String, Object> version(Slot slot, int version, long time, DefectPlan plan) {
        Map<String, Object> record = model.render(slot, version, time);
        if (plan.unknownCurrency() != null) {
            Json.set(record, spec.currencyField(), plan.unknownCurrency());
        }
        return record;
    }
}
