package io.cairn.connectors.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.SourceException.Kind;

import static java.util.Objects.requireNonNull;

/**
 * Sends connector requests with retries: network errors, timeouts, 408, 429 and 5xx are transient and retried
 * with exponential backoff and full jitter (or the server's {@code Retry-After}) up to the attempt limit; any
 * other 4xx is permanent and thrown at once. Every request waits for a token of the shared rate limiter first,
 * and every attempt is logged as one line by {@link RequestLog}.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String subject;
    private final HttpSettings settings;
    private final TokenBucket limiter;
    private final Sleeper sleeper;
    private final Consumer<ApiResponse> afterResponse;
    private final HttpClient http;

    /**
     * @param subject who is calling, for messages and logs, e.g. {@code "tenant acme source shop"}
     * @param afterResponse sees every response before it is classified, e.g. to honour throttle headers
     */
    public ApiClient(String subject, HttpSettings settings, TokenBucket limiter, Sleeper sleeper,
            Consumer<ApiResponse> afterResponse) {
        this.subject = requireNonNull(subject, "subject is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.afterResponse = requireNonNull(afterResponse, "afterResponse is null");
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends until a 2xx response arrives; throws {@link SourceException} otherwise. */
    public ApiResponse send(ApiRequest request) {
        SourceException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            limiter.acquire();
            Outcome outcome = attempt(request, attempt);
            if (outcome.response != null && outcome.failure == null) {
                return outcome.response;
            }
            last = outcome.failure;
            if (!last.isTransient() || attempt == settings.maxAttempts()) {
                break;
            }
            Duration wait = outcome.retryAfter != null ? outcome.retryAfter : Backoff.delay(settings, attempt);
            if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                throw new SourceException(Kind.TRANSIENT, last.httpStatus(), last,
                        "Cannot %s %s for %s: the server asks to wait %s, longer than %s", request.method(),
                        RequestLog.redact(request.uri()), subject, wait, settings.maxRetryAfter());
            }
            sleeper.sleep(wait);
        }
        throw last;
    }

    /** Sends and parses the body as JSON; a body that does not parse is a permanent failure. */
    public JsonNode sendJson(ApiRequest request) {
        return parse(request, send(request));
    }

    /** Parses a response body as JSON; a body that does not parse is a permanent failure. */
    public JsonNode parse(ApiRequest request, ApiResponse response) {
        try {
            return JSON.readTree(response.body());
        }
        catch (JsonProcessingException e) {
            throw new SourceException(Kind.PERMANENT, response.status(), e, "Cannot read the response of %s %s for "
                    + "%s: not JSON (%s)", request.method(), RequestLog.redact(request.uri()), subject,
                    e.getOriginalMessage());
        }
    }

    public String subject() {
        return subject;
    }

    private Outcome attempt(ApiRequest request, int attempt) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> raw = exchange(request);
            ApiResponse response = new ApiResponse(raw.statusCode(), raw.headers().map(), raw.body());
            long millis = (System.nanoTime() - started) / 1_000_000;
            afterResponse.accept(response);
            SourceException failure = classify(request, response);
            RequestLog.attempt(subject, request.method(), request.uri(), response.status(), millis, attempt,
                    failure == null ? null : failure.getMessage());
            Duration retryAfter = response.header("Retry-After")
                    .flatMap(value -> RetryAfter.parse(value, Instant.now())).orElse(null);
            return new Outcome(response, failure, retryAfter);
        }
        catch (IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String what = e instanceof HttpTimeoutException ? "timed out" : "network error " + e;
            RequestLog.attempt(subject, request.method(), request.uri(), 0, millis, attempt, what);
            return new Outcome(null, new SourceException(Kind.TRANSIENT, 0, e, "Cannot %s %s for %s: %s",
                    request.method(), RequestLog.redact(request.uri()), subject, what), null);
        }
    }

    /**
     * Sends and reads the whole body within the request timeout: {@code HttpRequest.timeout} alone covers only
     * the wait for the headers, and a server that stalls mid-body would otherwise hang the sync.
     */
    private HttpResponse<String> exchange(ApiRequest request) throws IOException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(build(request),
                HttpResponse.BodyHandlers.ofString());
        try {
            return future.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + settings.requestTimeout());
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.TRANSIENT, 0, e, "Cannot %s %s for %s: interrupted", request.method(),
                    RequestLog.redact(request.uri()), subject);
        }
    }

    private HttpRequest build(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(settings.requestTimeout());
        request.headers().forEach(builder::header);
        return builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body())).build();
    }

    private SourceException classify(ApiRequest request, ApiResponse response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return null;
        }
        Kind kind = isTransient(status) ? Kind.TRANSIENT : Kind.PERMANENT;
        return new SourceException(kind, status, null, "Cannot %s %s for %s: HTTP %d %s", request.method(),
                RequestLog.redact(request.uri()), subject, status, excerpt(response.body()));
    }

    /** 408, 429 and 5xx are worth retrying; every other status is final. */
    public static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private record Outcome(ApiResponse response, SourceException failure, Duration retryAfter) {}
}
