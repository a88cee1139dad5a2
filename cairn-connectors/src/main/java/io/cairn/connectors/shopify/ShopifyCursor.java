package io.cairn.connectors.shopify;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.spi.source.Checkpoint;

/**
 * A Shopify stream's checkpoint: the latest {@code updated_at} read and the latest delete event read, as JSON
 * {@code {"updated_at": "...Z", "deletes_at": "...Z"}}. Either may be null before the first record.
 */
record ShopifyCursor(Instant updatedAt, Instant deletesAt) {
    static ShopifyCursor of(Checkpoint checkpoint, String what) {
        JsonNode state = Json.readState(checkpoint.state(), what);
        return new ShopifyCursor(Json.instant(state.get("updated_at")), Json.instant(state.get("deletes_at")));
    }

    ShopifyCursor withUpdatedAt(Instant instant) {
        return new ShopifyCursor(Json.later(updatedAt, instant), deletesAt);
    }

    ShopifyCursor withDeletesAt(Instant instant) {
        return new ShopifyCursor(updatedAt, Json.later(deletesAt, instant));
    }

    Checkpoint checkpoint() {
        ObjectNode state = Json.object();
        state.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        state.put("deletes_at", deletesAt == null ? null : deletesAt.toString());
        return new Checkpoint(state.toString());
    }
}
