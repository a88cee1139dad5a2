package io.cairn.core.landing;

import java.time.Duration;

import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;

/** What happened to one load in a sync: its result, or the error that stopped it. */
public record LoadOutcome(
        TenantId tenant, String source, String stream, String loadId, String rawFile, LoadResult result,
        String error, Duration elapsed) {
    public boolean failed() {
        return error != null;
    }
}
