package io.cairn.connectors.shopify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.connectors.http.ApiClient;
import io.cairn.connectors.http.ApiRequest;
import io.cairn.connectors.http.ApiResponse;
import io.cairn.spi.source.SourceException;

import static java.util.Objects.requireNonNull;

/** Calls the Admin REST API: {@code /admin/api/{version}/{resource}.json} with {@code X-Shopify-Access-Token}. */
final class ShopifyClient {
    static final String TOKEN_HEADER = "X-Shopify-Access-Token";
    /** More pages than any shop has: stops a server whose {@code Link} never ends. */
    private static final int MAX_PAGES = 1_000_000;

    private final ShopifyConfig config;
    private final ApiClient api;
    private final ShopifyAuth auth;

    ShopifyClient(ShopifyConfig config, ApiClient api, ShopifyAuth auth) {
        this.config = requireNonNull(config, "config is null");
        this.api = requireNonNull(api, "api is null");
        this.auth = requireNonNull(auth, "auth is null");
    }

    /** One page: the records under the response's root key, and the next page's URL when there is one. */
    record Page(List<JsonNode> records, Optional<URI> next) {}

    /** Receives each page of a listing in order. */
    interface PageHandler {
        void page(Page page);
    }

    URI url(String resource, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(config.shopUrl() + "/admin/api/" + config.apiVersion() + "/" + resource + ".json"
                + (query.isEmpty() ? "" : "?" + query));
    }

    JsonNode getJson(URI uri) {
        ApiRequest request = request(uri);
        return api.parse(request, send(request));
    }

    Page page(URI uri, String rootKey) {
        ApiRequest request = request(uri);
        ApiResponse response = send(request);
        JsonNode records = api.parse(request, response).path(rootKey);
        if (!records.isArray()) {
            throw SourceException.permanent("Cannot read %s for %s: the response has no '%s' array",
                    uri.getRawPath(), config.subject(), rootKey);
        }
        List<JsonNode> list = new ArrayList<>(records.size());
        records.forEach(list::add);
        return new Page(list, LinkHeader.next(response.header("Link").orElse(null)));
    }

    /** Follows {@code Link: rel="next"} URLs exactly as given, from {@code first} to the last page. */
    void paginate(URI first, String rootKey, PageHandler handler) {
        URI next = first;
        for (int pages = 0; next != null; pages++) {
            if (pages == MAX_PAGES) {
                throw SourceException.permanent("Cannot page through %s for %s: more than %d pages",
                        first.getRawPath(), config.subject(), MAX_PAGES);
            }
            Page page = page(next, rootKey);
            handler.page(page);
            URI following = page.next().orElse(null);
            if (next.equals(following)) {
                throw SourceException.permanent("Cannot page through %s for %s: the next page is the same page",
                        first.getRawPath(), config.subject());
            }
            next = following;
        }
    }

    private ApiResponse send(ApiRequest request) {
        try {
            return api.send(request);
        }
        catch (SourceException e) {
            throw auth.failure(e);
        }
    }

    private ApiRequest request(URI uri) {
        return ApiRequest.get(uri, Map.of(TOKEN_HEADER, auth.accessToken(), "Accept", "application/json"));
    }
}
