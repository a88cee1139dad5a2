package io.cairn.core.landing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The loads of one sync, and their totals per tenant and stream. */
public record SyncReport(List<LoadOutcome> loads) {
    public SyncReport {
        loads = List.copyOf(loads);
    }

    public boolean hasFailures() {
        return loads.stream().anyMatch(LoadOutcome::failed);
    }

    /** Totals keyed by {@code tenant/source/stream}, in key order. */
    public Map<String, StreamTotals> totals() {
        Map<String, StreamTotals> totals = new TreeMap<>();
        for (LoadOutcome load : loads) {
            String key = load.tenant() + "/" + load.source() + "/" + load.stream();
            totals.merge(key, StreamTotals.of(load), StreamTotals::plus);
        }
        return totals;
    }

    /** Sums over the loads of one stream. */
    public record StreamTotals(long loads, long failed, long read, long landed, long duplicates, long deadLettered,
            long warned, long millis) {
        static StreamTotals of(LoadOutcome load) {
            var r = load.result();
            long millis = load.elapsed().toMillis();
            return r == null
                    ? new StreamTotals(1, 1, 0, 0, 0, 0, 0, millis)
                    : new StreamTotals(1, 0, r.recordsRead(), r.rowsLanded(), r.rowsDuplicate(),
                            r.rowsDeadLettered(), r.rowsWarned(), millis);
        }

        StreamTotals plus(StreamTotals o) {
            return new StreamTotals(loads + o.loads, failed + o.failed, read + o.read, landed + o.landed,
                    duplicates + o.duplicates, deadLettered + o.deadLettered, warned + o.warned, millis + o.millis);
        }
    }
}
