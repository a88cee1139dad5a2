package io.cairn.connectors.common;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.spi.source.Checkpoint;

/**
 * A time-based checkpoint: the latest change time read and the latest delete read, as JSON
 * {@code {"updated_at": "...Z", "deletes_at": "...Z"}}. Either may be null before the first record.
 */
public record TimeCursor(Instant updatedAt, Instant deletesAt) {
    public static TimeCursor of(Checkpoint checkpoint, String what) {
        JsonNode state = Json.readState(checkpoint.state(), what);
        return new TimeCursor(Json.instant(state.get("updated_at")), Json.instant(state.get("deletes_at")));
    }

    public TimeCursor withUpdatedAt(Instant instant) {
        return new TimeCursor(Json.later(updatedAt, instant), deletesAt);
    }

    public TimeCursor withDeletesAt(Instant instant) {
        return new TimeCursor(updatedAt, Json.later(deletesAt, instant));
    }

    public Checkpoint checkpoint() {
        ObjectNode state = Json.object();
        state.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        state.put("deletes_at", deletesAt == null ? null : deletesAt.toString());
        return new Checkpoint(state.toString());
    }
}
