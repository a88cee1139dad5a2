package io.cairn.core.controlplane;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How fresh one stream of a tenant's source is, from its landed loads.
 *
 * @param lastLoadId the most recently landed load
 * @param lastLandedAt when it landed
 * @param loadsLanded how many loads of the stream landed
 * @param rowsLanded rows those loads added to the raw table
 * @param maxSourceUpdatedAt the newest source change time any load brought (ISO-8601), or null when none had one
 */
public record StreamFreshness(String source, String stream, String lastLoadId, Instant lastLandedAt,
        long loadsLanded, long rowsLanded, String maxSourceUpdatedAt) {
    public StreamFreshness {
        requireNonNull(source, "source is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(lastLoadId, "lastLoadId is null");
    }
}
