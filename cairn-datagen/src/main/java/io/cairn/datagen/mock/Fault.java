package io.cairn.datagen.mock;

import java.time.Duration;

/**
 * A fault a mock server injects instead of its normal answer.
 *
 * @param status the HTTP status to answer, for {@link Kind#STATUS}
 * @param retryAfter the {@code Retry-After} to send with it, or null
 * @param body the body to send with it
 */
public record Fault(Kind kind, int status, Duration retryAfter, String body) {
    /** What goes wrong. */
    public enum Kind {
        /** An error status with a body. */
        STATUS,
        /** The connection closes before any response. */
        RESET,
        /** The headers promise more bytes than the body delivers before the connection closes. */
        TRUNCATED
    }

    public static Fault status(int status, String body) {
        return new Fault(Kind.STATUS, status, null, body);
    }

    /** {@code 429 Too Many Requests} with {@code Retry-After} in (fractional) seconds, as Shopify sends it. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, retryAfter, "{\"errors\":\"Exceeded 2 calls per second for api client. "
                + "Reduce request rates to resume uninterrupted service.\"}");
    }

    public static Fault serverError() {
        return status(503, "{\"errors\":\"Service Unavailable\"}");
    }

    public static Fault reset() {
        return new Fault(Kind.RESET, 0, null, "");
    }

    public static Fault truncated() {
        return new Fault(Kind.TRUNCATED, 200, null, "");
    }
}
