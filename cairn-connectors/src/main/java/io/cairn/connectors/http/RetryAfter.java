package io.cairn.connectors.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads a {@code Retry-After} header: decimal seconds (Shopify sends {@code 2.0}) or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {}

    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            BigDecimal seconds = new BigDecimal(value);
            return Optional.of(Duration.ofNanos(seconds.max(BigDecimal.ZERO).movePointRight(9).longValue()));
        }
        catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            }
            catch (RuntimeException dateError) {
                return Optional.empty();
            }
        }
    }
}
