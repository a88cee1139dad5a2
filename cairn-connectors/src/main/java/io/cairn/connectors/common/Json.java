package io.cairn.connectors.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.spi.source.SourceException;

/** The connectors' one JSON mapper, and the time handling their cursors share. */
public final class Json {
    /** Reads decimals as exact {@code BigDecimal}s so amounts are written back digit for digit ({@code 387.0} stays). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private Json() {}

    /** A record as one line of JSON, keys in the order the source sent them. */
    public static String line(JsonNode record) {
        try {
            return MAPPER.writeValueAsString(record);
        }
        catch (JsonProcessingException e) {
            throw SourceException.permanent("Cannot write a record as JSON: %s", e.getOriginalMessage());
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a checkpoint's text; null or blank is an empty object. */
    public static JsonNode readState(String text, String what) {
        if (text == null || text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw SourceException.permanent("Cannot read the checkpoint of %s: %s", what, e.getOriginalMessage());
        }
    }

    /** An ISO-8601 time with offset as an instant; null when absent or unreadable. */
    public static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The later of two instants, either of which may be null. */
    public static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
