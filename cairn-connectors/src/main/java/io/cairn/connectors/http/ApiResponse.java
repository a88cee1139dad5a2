package io.cairn.connectors.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A complete HTTP response: status, headers (names lower-case) and body text. */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {
    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return Optional.of(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
