package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt, wait a uniformly random time between zero and
 * {@code min(cap, base * 2^(n-1))}, so retries of many tenants do not hit a recovering API at the same instant.
 */
public record RetryPolicy(Duration base, Duration cap) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1));

    public RetryPolicy {
        requireNonNull(base, "base is null");
        requireNonNull(cap, "cap is null");
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new CairnException(ErrorCode.BAD_INPUT,
                    "Cannot use backoff base %s and cap %s: need 0 <= base <= cap", base, cap);
        }
    }

    /** The longest wait after failed attempt {@code attempt} (1-based). */
    public Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = base.toMillis() << doublings;
        return millis < 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delay(int attempt, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
    }
}
