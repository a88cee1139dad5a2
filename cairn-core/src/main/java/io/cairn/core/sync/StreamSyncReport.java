package io.cairn.core.sync;

import java.util.List;

import io.cairn.core.landing.LoadOutcome;

/**
 * What a sync did for one stream.
 *
 * @param recordsRead records the source emitted
 * @param rowsLanded new raw rows (record versions not landed before)
 * @param checkpoint the checkpoint saved last, or null when none was saved
 * @param error why the stream stopped early, or null
 * @param needsReauthorisation true when the source refused the stored grant
 */
public record StreamSyncReport(String stream, List<LoadOutcome> loads, long recordsRead, long rowsLanded,
        String checkpoint, String error, boolean needsReauthorisation) {
    public StreamSyncReport {
        loads = List.copyOf(loads);
    }

    public boolean failed() {
        return error != null;
    }
}
