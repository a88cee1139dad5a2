package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.server.auth.Principal;
import io.cairn.server.errors.ApiException;
import io.cairn.spi.TenantId;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading requests: the caller, path and query parameters, and JSON bodies, each failing with 400 naming the field. */
public final class Requests {
    static final String PRINCIPAL = "cairn.principal";
    /** Names of sources, marts, pipelines: lower-case letters, digits and '_'. */
    public static final Pattern NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    private Requests() {
    }

    /** The authenticated caller. */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("route " + ctx.path() + " reads a caller but is public");
        }
        return principal;
    }

    /** The {@code {tenant}} of the path as a valid tenant id. */
    public static TenantId tenant(Context ctx) {
        return tenantId(ctx.pathParam("tenant"), "tenant");
    }

    /** {@code value} as a tenant id, or 400 naming {@code field}. */
    public static TenantId tenantId(String value, String field) {
        if (!TenantId.isValid(value)) {
            throw ApiException.invalid(field, "'%s' is not a tenant id: it must match %s", value,
                    TenantId.PATTERN.pattern());
        }
        return TenantId.of(value);
    }

    /** A path parameter that must be a {@link #NAME}. */
    public static String name(Context ctx, String parameter) {
        return checkName(ctx.pathParam(parameter), parameter);
    }

    public static String checkName(String value, String field) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw ApiException.invalid(field, "'%s' is not a valid %s: lower-case letters, digits and '_', at most "
                    + "63", value, field);
        }
        return value;
    }

    /** The body as a JSON object; an empty body reads as {@code {}}. */
    public static ObjectNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw ApiException.invalid("body", "The body must be a JSON object");
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("body", "The body is not JSON: %s", e.getOriginalMessage());
        }
    }

    public static String requiredString(JsonNode body, String field) {
        return optionalString(body, field).orElseThrow(() -> ApiException.invalid(field, "'%s' is required", field));
    }

    public static Optional<String> optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalid(field, "'%s' must be a non-empty string", field);
        }
        return Optional.of(value.asText());
    }

    public static Optional<Boolean> optionalBoolean(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.invalid(field, "'%s' must be true or false", field);
        }
        return Optional.of(value.asBoolean());
    }

    /**
     * An object of strings; null values are kept as null (they remove a key in a patch). Empty when absent.
     */
    public static Optional<Map<String, String>> optionalStrings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw ApiException.invalid(field, "'%s' must be an object of strings", field);
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode item = entry.getValue();
            if (!item.isNull() && !item.isValueNode()) {
                throw ApiException.invalid(field + "." + entry.getKey(), "'%s.%s' must be a string", field,
                        entry.getKey());
            }
            strings.put(entry.getKey(), item.isNull() ? null : item.asText());
        }
        return Optional.of(strings);
    }

    /** An integer query parameter within bounds. */
    public static int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid(name, "'%s' must be a whole number from %d to %d", name, min, max);
    }

    /** A date query parameter (YYYY-MM-DD), or null. */
    public static LocalDate dateQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "'%s' must be a date YYYY-MM-DD, not '%s'", name, value);
        }
    }
}
