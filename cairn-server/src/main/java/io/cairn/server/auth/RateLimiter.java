package io.cairn.server.auth;

import io.cairn.server.errors.ApiException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code burst} tokens, refilled at {@code perSecond}; each request takes one. A request
 * finding the bucket empty is refused with 429 and a {@code Retry-After} of the seconds until a token is back.
 */
public final class RateLimiter {
    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code key}, or fails with 429. */
    public void acquire(String key) {
        long wait = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong())).take();
        if (wait > 0) {
            throw ApiException.rateLimited(wait, "Key %s made more than %d requests at once or more than %s per "
                    + "second; retry after %d s", key, burst, perSecond, wait);
        }
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** 0 when a token was taken, else the whole seconds until one is back. */
        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - last) / (double) TimeUnit.SECONDS.toNanos(1) * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
