package io.cairn.connectors.quickbooks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.connectors.http.ApiClient;
import io.cairn.connectors.http.ApiRequest;
import io.cairn.connectors.http.ConcurrencyLimit;
import io.cairn.connectors.http.RequestLog;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.SourceException.Kind;

/**
 * Calls the QuickBooks Accounting API with a bearer token: the query endpoint and the CDC endpoint. A 401 refreshes
 * the token once and repeats the call; a {@code Fault} in a 200 body is an error; at most {@code max_concurrent}
 * calls per realm are in flight.
 */
final class QuickBooksClient {
    private final QuickBooksConfig config;
    private final ApiClient api;
    private final QuickBooksAuth auth;
    private final ConcurrencyLimit concurrency;

    QuickBooksClient(QuickBooksConfig config, ApiClient api, QuickBooksAuth auth, ConcurrencyLimit concurrency) {
        this.config = config;
        this.api = api;
        this.auth = auth;
        this.concurrency = concurrency;
    }

    /** Runs a query, e.g. {@code select * from Invoice ...}; returns the {@code QueryResponse} object. */
    JsonNode query(String query) {
        return call(url("query", "query=" + encode(query))).path("QueryResponse");
    }

    /** Changes of one entity since a time (at most 30 days back), as CDC returns them. */
    JsonNode changes(String entity, String changedSince) {
        return call(url("cdc", "entities=" + encode(entity) + "&changedSince=" + encode(changedSince)));
    }

    /** The company's info: a cheap call that proves credentials and realm. */
    JsonNode companyInfo() {
        return call(url("companyinfo/" + encode(config.realmId()), null));
    }

    private URI url(String endpoint, String query) {
        return URI.create(config.baseUrl() + "/v3/company/" + encode(config.realmId()) + "/" + endpoint
                + "?" + (query == null ? "" : query + "&") + "minorversion=" + config.minorVersion());
    }

    private JsonNode call(URI uri) {
        return concurrency.call(() -> {
            String token = auth.accessToken();
            try {
                return checked(uri, send(uri, token));
            }
            catch (SourceException e) {
                if (e.httpStatus() != 401) {
                    throw e;
                }
                return checked(uri, send(uri, auth.refreshAfterRejection(token)));
            }
        });
    }

    private JsonNode send(URI uri, String token) {
        return api.sendJson(ApiRequest.get(uri, Map.of("Authorization", "Bearer " + token,
                "Accept", "application/json")));
    }

    /** Throws for a {@code Fault} inside a 200 body: a SystemFault may pass, anything else will not. */
    private JsonNode checked(URI uri, JsonNode body) {
        JsonNode fault = body.path("Fault");
        if (fault.isMissingNode()) {
            return body;
        }
        JsonNode error = fault.path("Error").path(0);
        Kind kind = "SystemFault".equals(fault.path("type").asText()) ? Kind.TRANSIENT : Kind.PERMANENT;
        throw new SourceException(kind, 200, null, "Cannot read %s for %s: QuickBooks fault %s code %s: %s (%s)",
                RequestLog.redact(uri), config.subject(), fault.path("type").asText(), error.path("code").asText(),
                error.path("Message").asText(), error.path("Detail").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
