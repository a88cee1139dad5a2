package io.cairn.core.landing;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.StreamState;
import io.cairn.spi.raw.LoadResult;

/**
 * A stream's cursor, kept as JSON in the control plane: the last landed load and the largest source change time
 * seen. It only moves after the data it covers is durable, and never backwards.
 */
final class StreamCursor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamCursor() {}

    static void advance(ControlPlane controlPlane, SourceDefinition source, String stream, String loadId,
            LoadResult result, Instant now) {
        String previousMax = controlPlane.state().get(source.tenant(), source.name(), stream)
                .map(state -> read(state.cursor()).path("max_source_updated_at").asText(null))
                .orElse(null);
        String max = later(previousMax, result.maxSourceUpdatedAt());
        ObjectNode cursor = JSON.createObjectNode();
        cursor.put("last_load_id", loadId);
        cursor.put("max_source_updated_at", max);
        controlPlane.state().put(new StreamState(source.tenant(), source.name(), stream, cursor.toString(), now));
    }

    private static String later(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return java.time.OffsetDateTime.parse(a).isAfter(java.time.OffsetDateTime.parse(b)) ? a : b;
    }


    private static JsonNode read(String cursor) {
        try {
            return JSON.readTree(cursor == null ? "{}" : cursor);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
