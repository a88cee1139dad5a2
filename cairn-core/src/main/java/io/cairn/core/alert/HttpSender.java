package io.cairn.core.alert;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Posts JSON with a timeout; a 5xx answer or a broken connection is tried once more, anything else that is not 2xx
 * fails at once. Thread-safe.
 */
public final class HttpSender {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpSender.class);
    private static final int MAX_BODY_IN_ERROR = 300;

    private final HttpClient client;
    private final Duration timeout;

    public HttpSender(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public static HttpSender withDefaults() {
        return new HttpSender(DEFAULT_TIMEOUT);
    }

    /** Posts {@code json} to {@code uri} for {@code channel}; returns the 2xx response body. */
    public String postJson(String channel, URI uri, String json) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "cairn-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == 2;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                if (status / 100 != 5 || last) {
                    throw new CairnException(ErrorCode.IO, "Cannot send %s alert to %s: HTTP %d %s", channel,
                            redact(uri), status, cut(response.body()));
                }
                LOG.warn("The {} alert receiver at {} answered HTTP {}; trying once more", channel, redact(uri),
                        status);
            } catch (IOException e) {
                if (last) {
                    throw new CairnException(ErrorCode.IO, e, "Cannot send %s alert to %s: %s", channel, redact(uri),
                            e.toString());
                }
                LOG.warn("Sending a {} alert to {} failed ({}); trying once more", channel, redact(uri), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CairnException(ErrorCode.IO, e, "Cannot send %s alert to %s: interrupted", channel,
                        redact(uri));
            }
        }
    }

    /** Webhook URLs carry their secret in the path: only scheme, host and port are shown. */
    static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/***";
    }

    private static String cut(String body) {
        return body == null || body.length() <= MAX_BODY_IN_ERROR ? String.valueOf(body)
                : body.substring(0, MAX_BODY_IN_ERROR) + "...";
    }
}
