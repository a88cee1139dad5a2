package io.cairn.datagen.mock;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;


/**
 * A QuickBooks Online API on loopback: the OAuth2 token endpoint (every refresh rotates the refresh token and
 * invalidates the old one; an unknown one is {@code invalid_grant}), {@code /v3/company/{realm}/query},
 * {@code /cdc} and {@code /companyinfo}, with bearer-token checks (401 for expired tokens).
 */
public final class QuickBooksMockServer implements AutoCloseable {
    public static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    private static final Set<String> NAME_LISTS = Set.of("Account", "Customer", "Vendor", "Item", "Employee");

    private final String realmId;
    private final String basicAuth;
    private final Map<String, List<ObjectNode>> data = new HashMap<>();
    private final Map<String, List<ObjectNode>> deleted = new HashMap<>();
    private final Set<String> validAccessTokens = new HashSet<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final MockHttp http;
    private String refreshToken;

    public QuickBooksMockServer(String realmId, String clientId, String clientSecret, String refreshToken) {
        this.realmId = realmId;
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        this.refreshToken = refreshToken;
        this.http = new MockHttp(this::handle);
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    public URI tokenUrl() {
        return URI.create(http.baseUrl() + TOKEN_PATH);
    }

    public MockHttp http() {
        return http;
    }

    public synchronized void put(String entity, List<ObjectNode> records) {
        List<ObjectNode> copies = new ArrayList<>();
        records.forEach(record -> copies.add(record.deepCopy()));
        data.put(entity, copies);
    }

    /** Deletes a record: it leaves the query results and appears in CDC as {@code status: Deleted}. */
    public synchronized void delete(String entity, String id, String deletedAt) {
        data.getOrDefault(entity, new ArrayList<>()).removeIf(record -> record.path("Id").asText().equals(id));
        ObjectNode tombstone = MockJson.object().put("domain", "QBO").put("status", "Deleted").put("Id", id);
        tombstone.putObject("MetaData").put("LastUpdatedTime", deletedAt);
        deleted.computeIfAbsent(entity, k -> new ArrayList<>()).add(tombstone);
    }

    /** Every access token issued so far stops working: the next API call gets 401. */
    public synchronized void expireAccessTokens() {
        validAccessTokens.clear();
    }

    /** The refresh token the server accepts now. */
    public synchronized String currentRefreshToken() {
        return refreshToken;
    }

    /** Revokes the refresh token: the next refresh gets {@code invalid_grant}. */
    public synchronized void revokeRefreshToken() {
        refreshToken = "revoked-" + refreshToken;
    }

    public int refreshCount() {
        return refreshes.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(TOKEN_PATH)) {
            token(exchange);
            return;
        }
        String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        synchronized (this) {
            if (!bearer.startsWith("Bearer ") || !validAccessTokens.contains(bearer.substring(7))) {
                MockHttp.send(exchange, 401, fault("AuthenticationFault", "3200",
                        "message=AuthenticationFailed; errorCode=003200; statusCode=401"));
                return;
            }
        }
        String prefix = "/v3/company/" + realmId + "/";
        if (!path.startsWith(prefix)) {
            MockHttp.send(exchange, 403, fault("AuthorizationFault", "403", "wrong realm"));
            return;
        }
        Map<String, String> query = MockQuery.parse(exchange.getRequestURI().getRawQuery());
        String endpoint = path.substring(prefix.length());
        if (endpoint.equals("query")) {
            query(exchange, query.getOrDefault("query", ""));
        }
        else if (endpoint.equals("cdc")) {
            cdc(exchange, query.getOrDefault("entities", ""), query.getOrDefault("changedSince", ""));
        }
        else if (endpoint.startsWith("companyinfo/")) {
            MockHttp.send(exchange, 200, "{\"CompanyInfo\":{\"CompanyName\":\"Mock Co\",\"Id\":\"1\"}}");
        }
        else {
            MockHttp.send(exchange, 404, fault("ValidationFault", "404", "unknown endpoint " + endpoint));
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = MockQuery.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        if (!basicAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            MockHttp.send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        synchronized (this) {
            if (!"refresh_token".equals(form.get("grant_type")) || !refreshToken.equals(form.get("refresh_token"))) {
                MockHttp.send(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            int n = issued.incrementAndGet();
            refreshes.incrementAndGet();
            String access = "at-" + n;
            validAccessTokens.add(access);
            refreshToken = "rt-" + n;
            MockHttp.send(exchange, 200, MockJson.object().put("access_token", access).put("token_type", "bearer")
                    .put("expires_in", 3600).put("refresh_token", refreshToken)
                    .put("x_refresh_token_expires_in", 8726400).toString());
        }
    }

    private void query(HttpExchange exchange, String text) throws IOException {
        QuickBooksQuery query = QuickBooksQuery.parse(text);
        if (query == null) {
            MockHttp.send(exchange, 400, fault("ValidationFault", "4000", "Error parsing query: " + text));
            return;
        }
        List<ObjectNode> page;
        synchronized (this) {
            page = query.answer(data.getOrDefault(query.entity(), List.of()), NAME_LISTS.contains(query.entity()));
        }
        ObjectNode body = MockJson.object();
        ObjectNode response = body.putObject("QueryResponse");
        if (!page.isEmpty()) {
            ArrayNode array = response.putArray(query.entity());
            page.forEach(array::add);
            response.put("startPosition", query.start()).put("maxResults", page.size());
        }
        body.put("time", OffsetDateTime.now().toString());
        MockHttp.send(exchange, 200, body.toString());
    }

    private void cdc(HttpExchange exchange, String entities, String changedSince) throws IOException {
        OffsetDateTime since = OffsetDateTime.parse(changedSince);
        ObjectNode body = MockJson.object();
        ArrayNode queries = body.putArray("CDCResponse").addObject().putArray("QueryResponse");
        synchronized (this) {
            for (String entity : entities.split(",")) {
                ArrayNode changes = queries.addObject().putArray(entity);
                deleted.getOrDefault(entity, List.of()).stream()
                        .filter(record -> !QuickBooksQuery.time(record).isBefore(since)).forEach(changes::add);
            }
        }
        body.put("time", OffsetDateTime.now().toString());
        MockHttp.send(exchange, 200, body.toString());
    }

    /** A QuickBooks fault body, as sent with errors (and sometimes with 200). */
    public static String fault(String type, String code, String message) {
        ObjectNode body = MockJson.object();
        ObjectNode fault = body.putObject("Fault");
        fault.putArray("Error").addObject().put("Message", message).put("Detail", message).put("code", code);
        fault.put("type", type);
        return body.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
