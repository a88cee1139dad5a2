package io.cairn.datagen.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for ordered JSON-like records and their one-line serialisation. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An ordered object from alternating keys and values (values may be null). */
    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of arguments");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** A list that may hold nulls. */
    public static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    public static String line(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot serialise record: %s", e.getOriginalMessage());
        }
    }

    /** The value at a dotted path ({@code CurrencyRef.value}), or null. */
    @SuppressWarnings("unchecked")
    public static Object get(Map<String, Object> record, String path) {
        Object current = record;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    /** The objects of a list field, or an empty list. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Map<String, Object> record, String path) {
        Object value = get(record, path);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    /** Replaces the value at an existing dotted path; does nothing when the path is absent. */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> record, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = record;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map)) {
                return;
            }
            current = (Map<String, Object>) next;
        }
        if (current.containsKey(parts[parts.length - 1])) {
            current.put(parts[parts.length - 1], value);
        }
    }
}
