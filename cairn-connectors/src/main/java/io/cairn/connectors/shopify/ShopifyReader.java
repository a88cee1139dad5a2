package io.cairn.connectors.shopify;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.connectors.common.TimeCursor;
import io.cairn.spi.raw.StreamContract;
import io.cairn.spi.source.RecordSink;

/**
 * Reads one Shopify stream from a cursor. Incremental listings start at the cursor minus the lookback window and
 * go forward by {@code updated_at}; after each page the cursor moves to the latest {@code updated_at} read, so a
 * resumed read re-reads the boundary (landing deduplicates) and never skips a record.
 */
final class ShopifyReader {
    /** Shopify accepts at most this many ids in {@code location_ids}. */
    private static final int LOCATION_IDS_PER_CALL = 50;

    private final ShopifyClient client;
    private final ShopifyConfig config;

    ShopifyReader(ShopifyClient client, ShopifyConfig config) {
        this.client = client;
        this.config = config;
    }

    void read(ShopifyStreams.Spec spec, TimeCursor from, RecordSink sink) {
        TimeCursor cursor = switch (spec.mode()) {
            case UPDATED -> incremental(spec, Map.of(), from, sink, List::of);
            case ORDER_REFUNDS -> incremental(spec, Map.of("fields", "id,updated_at,refunds"), from, sink,
                    order -> elements(order.path("refunds")));
            case ORDER_TRANSACTIONS -> incremental(spec, Map.of("fields", "id,updated_at"), from, sink,
                    this::transactions);
            case FULL -> full(spec, from, sink);
            case INVENTORY -> inventory(spec, from, sink);
        };
        if (spec.deleteEvents() != null) {
            deletes(spec, cursor, sink);
        }
    }

    private TimeCursor incremental(ShopifyStreams.Spec spec, Map<String, String> extra, TimeCursor from,
            RecordSink sink, Function<JsonNode, List<JsonNode>> expand) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", Integer.toString(config.pageSize()));
        if ("orders".equals(spec.resource())) {
            params.put("status", "any");
        }
        params.putAll(extra);
        params.put("updated_at_min", since(from.updatedAt()).toString());
        params.put("order", "updated_at asc");
        TimeCursor[] cursor = {from};
        client.paginate(client.url(spec.resource(), params), spec.rootKey(), page -> {
            for (JsonNode record : page.records()) {
                expand.apply(record).forEach(item -> sink.record(Json.line(item)));
                cursor[0] = cursor[0].withUpdatedAt(Json.instant(record.get("updated_at")));
            }
            sink.checkpoint(cursor[0].checkpoint());
        });
        return cursor[0];
    }

    private List<JsonNode> transactions(JsonNode order) {
        URI uri = client.url("orders/" + order.path("id").asText() + "/transactions", Map.of());
        return client.page(uri, "transactions").records();
    }

    private TimeCursor full(ShopifyStreams.Spec spec, TimeCursor from, RecordSink sink) {
        TimeCursor[] cursor = {from};
        client.paginate(client.url(spec.resource(), Map.of()), spec.rootKey(), page -> page.records()
                .forEach(record -> {
                    sink.record(Json.line(record));
                    cursor[0] = cursor[0].withUpdatedAt(Json.instant(record.get("updated_at")));
                }));
        sink.checkpoint(cursor[0].checkpoint());
        return cursor[0];
    }

    private TimeCursor inventory(ShopifyStreams.Spec spec, TimeCursor from, RecordSink sink) {
        List<String> locationIds = new ArrayList<>();
        client.paginate(client.url("locations", Map.of()), "locations",
                page -> page.records().forEach(location -> locationIds.add(location.path("id").asText())));
        TimeCursor[] cursor = {from};
        for (int i = 0; i < locationIds.size(); i += LOCATION_IDS_PER_CALL) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("limit", Integer.toString(config.pageSize()));
            params.put("location_ids", String.join(",",
                    locationIds.subList(i, Math.min(locationIds.size(), i + LOCATION_IDS_PER_CALL))));
            params.put("updated_at_min", since(from.updatedAt()).toString());
            client.paginate(client.url(spec.resource(), params), spec.rootKey(), page -> page.records()
                    .forEach(record -> {
                        sink.record(Json.line(record));
                        cursor[0] = cursor[0].withUpdatedAt(Json.instant(record.get("updated_at")));
                    }));
        }
        sink.checkpoint(cursor[0].checkpoint());
        return cursor[0];
    }

    /** Reads destroy events since the delete cursor and emits a tombstone per deleted record. */
    private void deletes(ShopifyStreams.Spec spec, TimeCursor from, RecordSink sink) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", Integer.toString(config.pageSize()));
        params.put("filter", spec.deleteEvents());
        params.put("verb", "destroy");
        params.put("created_at_min", since(from.deletesAt()).toString());
        TimeCursor[] cursor = {from};
        client.paginate(client.url("events", params), "events", page -> {
            for (JsonNode event : page.records()) {
                sink.record(Json.line(tombstone(event)));
                cursor[0] = cursor[0].withDeletesAt(Json.instant(event.get("created_at")));
            }
            sink.checkpoint(cursor[0].checkpoint());
        });
    }

    /** {@code {"id": <subject_id>, "_cairn_deleted": true, "updated_at": <event time>}}. */
    static ObjectNode tombstone(JsonNode event) {
        ObjectNode tombstone = Json.object();
        tombstone.set("id", event.path("subject_id"));
        tombstone.put(StreamContract.CAIRN_DELETED, true);
        tombstone.set("updated_at", event.path("created_at"));
        return tombstone;
    }

    private Instant since(Instant cursor) {
        return cursor == null ? config.startAt() : cursor.minus(config.lookback());
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
