package io.cairn.datagen.mock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/** How the Shopify mock answers a listing: filter, sort, keyset page, {@code fields} projection. */
final class ShopifyListing {
    private static final Set<String> WITH_PAGE_INFO = Set.of("limit", "page_info", "fields");

    record Result(List<ObjectNode> records, String nextLink, String error) {}

    /** The keyset position: sort time, then id; records without an id (inventory levels) by item and location. */
    private record Key(long time, long id, long second) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return time != other.time ? Long.compare(time, other.time)
                    : id != other.id ? Long.compare(id, other.id) : Long.compare(second, other.second);
        }
    }

    private ShopifyListing() {}

    /**
     * Answers one listing request.
     *
     * @param sorted the resource's records sorted by {@link #sortKey} for the given order ({@code true}: by
     *     {@code updated_at}, then id), so a page is a binary search and a short scan, not a sort of everything
     */
    static Result answer(String resource, java.util.function.Function<Boolean, List<ObjectNode>> sorted,
            Map<String, String> query, URI self) {
        Map<String, String> params = query;
        if (query.containsKey("page_info")) {
            if (!WITH_PAGE_INFO.containsAll(query.keySet())) {
                return new Result(List.of(), null, "page_info cannot be combined with other parameters");
            }
            params = decode(query.get("page_info"));
            if (params == null) {
                return new Result(List.of(), null, "Invalid value for page_info");
            }
        }
        int limit = Math.min(250, Integer.parseInt(query.getOrDefault("limit", "50")));
        boolean byUpdated = "updated_at asc".equals(params.get("order"));
        Key after = params.containsKey("after_time")
                ? new Key(Long.parseLong(params.get("after_time")), Long.parseLong(params.get("after_id")),
                        Long.parseLong(params.getOrDefault("after_second", "0"))) : null;
        List<ObjectNode> all = sorted.apply(byUpdated);
        List<ObjectNode> page = new java.util.ArrayList<>();
        boolean more = false;
        for (int i = after == null ? 0 : firstAfter(all, after, byUpdated); i < all.size(); i++) {
            if (matches(all.get(i), params)) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(all.get(i));
            }
        }
        String next = null;
        if (more) {
            Map<String, String> state = new LinkedHashMap<>(params);
            state.remove("page_info");
            state.remove("limit");
            Key last = key(page.get(page.size() - 1), byUpdated);
            state.put("after_time", Long.toString(last.time()));
            state.put("after_id", Long.toString(last.id()));
            state.put("after_second", Long.toString(last.second()));
            next = self + "?limit=" + limit + "&page_info=" + encode(state);
        }
        String fields = query.containsKey("fields") ? query.get("fields") : params.get("fields");
        return new Result(page.stream().map(record -> project(record, fields)).toList(), next, null);
    }

    /** Sorts records as a listing pages them. */
    static List<ObjectNode> sortKey(List<ObjectNode> records, boolean byUpdated) {
        return records.stream().sorted(Comparator.comparing(record -> key(record, byUpdated))).toList();
    }

    private static int firstAfter(List<ObjectNode> sorted, Key after, boolean byUpdated) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (key(sorted.get(mid), byUpdated).compareTo(after) > 0) {
                high = mid;
            }
            else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static boolean matches(JsonNode record, Map<String, String> params) {
        return atLeast(record.path("updated_at"), params.get("updated_at_min"))
                && atLeast(record.path("created_at"), params.get("created_at_min"))
                && in(record.path("location_id"), params.get("location_ids"))
                && equal(record.path("subject_type"), params.get("filter"))
                && equal(record.path("verb"), params.get("verb"));
    }

    private static boolean atLeast(JsonNode value, String min) {
        return min == null || !value.isTextual() || !instant(value.asText()).isBefore(instant(min));
    }

    private static boolean in(JsonNode value, String ids) {
        return ids == null || new HashSet<>(Arrays.asList(ids.split(","))).contains(value.asText());
    }

    private static boolean equal(JsonNode value, String wanted) {
        return wanted == null || Arrays.asList(wanted.split(",")).contains(value.asText());
    }

    private static Key key(JsonNode record, boolean byUpdated) {
        JsonNode time = record.path("updated_at");
        long millis = byUpdated && time.isTextual() ? instant(time.asText()).toEpochMilli() : 0;
        return record.has("id") ? new Key(millis, record.path("id").asLong(), 0)
                : new Key(millis, record.path("inventory_item_id").asLong(), record.path("location_id").asLong());
    }

    private static final java.util.concurrent.ConcurrentMap<String, Instant> INSTANTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Parsed once per distinct text: listings compare the same timestamps on every request. */
    private static Instant instant(String text) {
        if (INSTANTS.size() > 2_000_000) {
            INSTANTS.clear();
        }
        return INSTANTS.computeIfAbsent(text, t -> OffsetDateTime.parse(t).toInstant());
    }

    private static ObjectNode project(ObjectNode record, String fields) {
        if (fields == null) {
            return record;
        }
        ObjectNode projected = MockJson.object();
        for (String field : fields.split(",")) {
            if (record.has(field.trim())) {
                projected.set(field.trim(), record.get(field.trim()));
            }
        }
        return projected;
    }

    private static String encode(Map<String, String> state) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MockJson.MAPPER.valueToTree(state).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> decode(String token) {
        try {
            JsonNode node = MockJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            Map<String, String> state = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                state.put(entry.getKey(), entry.getValue().asText());
            }
            return state;
        }
        catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
