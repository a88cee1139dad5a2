package io.cairn.server.errors;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A request the API answers with an error: an HTTP status, a stable machine-readable code, a message for people and,
 * for validation errors, the field to blame. The message is shown to the caller: never put secrets or internals in it.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Long retryAfterSeconds;

    private ApiException(int status, String code, String field, Long retryAfterSeconds, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = requireNonNull(code, "code is null");
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** 400: {@code field} of the request is wrong. */
    public static ApiException invalid(String field, String format, Object... args) {
        return new ApiException(400, "invalid_request", field, null, format(format, args));
    }

    /** 401: no key, or a key that is unknown, revoked or expired. */
    public static ApiException unauthenticated(String format, Object... args) {
        return new ApiException(401, "unauthenticated", null, null, format(format, args));
    }

    /** 403: the key may not do this, or not on this tenant. */
    public static ApiException forbidden(String format, Object... args) {
        return new ApiException(403, "forbidden", null, null, format(format, args));
    }

    public static ApiException notFound(String format, Object... args) {
        return new ApiException(404, "not_found", null, null, format(format, args));
    }

    public static ApiException conflict(String format, Object... args) {
        return new ApiException(409, "conflict", null, null, format(format, args));
    }

    /** 429: too many requests; try again after {@code retryAfterSeconds}. */
    public static ApiException rateLimited(long retryAfterSeconds, String format, Object... args) {
        return new ApiException(429, "rate_limited", null, retryAfterSeconds, format(format, args));
    }

    /** A plan's quota is used up: 429 when it frees up after {@code retryAfterSeconds}, 403 when null. */
    public static ApiException quotaExceeded(Long retryAfterSeconds, String format, Object... args) {
        return new ApiException(retryAfterSeconds == null ? 403 : 429, "quota_exceeded", null, retryAfterSeconds,
                format(format, args));
    }

    /** 503: the server cannot take the work now. */
    public static ApiException unavailable(String format, Object... args) {
        return new ApiException(503, "unavailable", null, null, format(format, args));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field to blame, or null. */
    public String field() {
        return field;
    }

    /** Seconds to wait before retrying, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
