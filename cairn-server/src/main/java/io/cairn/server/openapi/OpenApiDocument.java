package io.cairn.server.openapi;

import io.cairn.server.http.Access;
import io.cairn.server.http.Route;
import io.cairn.server.http.RouteTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of the API, built from the same {@link RouteTable} the server registers, so it lists
 * exactly the implemented routes with their path parameters, security and error responses.
 */
public final class OpenApiDocument {
    private static final String ERROR = "#/components/schemas/Error";

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(RouteTable table, String version) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Cairn API", "version", version));
        document.put("servers", List.of(Map.of("url", RouteTable.BASE)));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Route route : table.routes()) {
            paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>())
                    .put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        document.put("paths", paths);
        document.put("components", components());
        document.put("security", List.of(Map.of("apiKey", List.of())));
        return document;
    }

    private static Map<String, Object> operation(Route route) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", route.summary());
        operation.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + route.path()
                .replaceAll("[{}]", "").replace('/', '_').replace('-', '_'));
        operation.put("tags", List.of(route.path().split("/")[1]));
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : route.parameters()) {
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (route.access() == Access.PUBLIC) {
            operation.put("security", List.of());
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(Integer.toString(route.success()), Map.of("description", "Success"));
        errors(route).forEach((status, description) -> responses.put(status, Map.of("description", description,
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", ERROR))))));
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, String> errors(Route route) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (route.access() == Access.PUBLIC) {
            return errors;
        }
        errors.put("400", "Invalid request: the error names the field");
        errors.put("401", "No API key, or an unknown, revoked or expired one");
        errors.put("403", "The key's role or tenant may not do this");
        errors.put("404", "No such resource (or another tenant's)");
        errors.put("429", "Rate limit or plan quota reached; see Retry-After");
        return errors;
    }

    private static Map<String, Object> components() {
        Map<String, Object> detail = Map.of("type", "object", "required", List.of("code", "message"),
                "properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"),
                        "field", Map.of("type", "string")));
        Map<String, Object> error = Map.of("type", "object", "required", List.of("error"),
                "properties", Map.of("error", detail));
        return Map.of("schemas", Map.of("Error", error), "securitySchemes", Map.of("apiKey",
                Map.of("type", "http", "scheme", "bearer", "description", "An API key ck_...")));
    }
}
