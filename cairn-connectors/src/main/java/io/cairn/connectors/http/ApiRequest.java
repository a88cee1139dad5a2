package io.cairn.connectors.http;

import java.net.URI;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One HTTP request of a connector.
 *
 * @param headers sent as given; values of credential headers are never logged
 * @param body the request body for POST, or null
 */
public record ApiRequest(String method, URI uri, Map<String, String> headers, String body) {
    public ApiRequest {
        requireNonNull(method, "method is null");
        requireNonNull(uri, "uri is null");
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
    }

    public static ApiRequest get(URI uri, Map<String, String> headers) {
        return new ApiRequest("GET", uri, headers, null);
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + RequestLog.redact(uri) + "]";
    }
}
