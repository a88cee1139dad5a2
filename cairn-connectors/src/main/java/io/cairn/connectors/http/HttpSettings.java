package io.cairn.connectors.http;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.cairn.spi.source.ConfigField;

/**
 * Timeouts and retry policy of an API client.
 *
 * @param maxAttempts tries per request, the first included
 * @param backoffBase the first retry waits up to this long; each further retry doubles it
 * @param backoffCap no computed backoff is longer than this
 * @param maxRetryAfter a server's {@code Retry-After} longer than this fails the request instead of waiting
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration backoffBase,
        Duration backoffCap, Duration maxRetryAfter) {
    /** The configuration keys every HTTP connector accepts, with their defaults. */
    public static final List<ConfigField> CONFIG_FIELDS = List.of(
            new ConfigField("request_timeout_ms", "integer", false, "30000", false, "Timeout of one HTTP request"),
            new ConfigField("max_attempts", "integer", false, "6", false, "Tries per request on transient errors"),
            new ConfigField("backoff_base_ms", "integer", false, "500", false, "First retry backoff; doubles"),
            new ConfigField("backoff_cap_ms", "integer", false, "30000", false, "Longest retry backoff"),
            new ConfigField("max_retry_after_ms", "integer", false, "120000", false,
                    "Longest Retry-After the client waits for"));

    public HttpSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is below 1");
        }
    }

    /** Settings from configuration values, keyed as in {@link #CONFIG_FIELDS}, defaults applied by {@code value}. */
    public static HttpSettings from(Function<String, String> value) {
        Duration timeout = Duration.ofMillis(Long.parseLong(value.apply("request_timeout_ms")));
        return new HttpSettings(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10),
                timeout, Integer.parseInt(value.apply("max_attempts")),
                Duration.ofMillis(Long.parseLong(value.apply("backoff_base_ms"))),
                Duration.ofMillis(Long.parseLong(value.apply("backoff_cap_ms"))),
                Duration.ofMillis(Long.parseLong(value.apply("max_retry_after_ms"))));
    }
}
