package io.cairn.connectors.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static java.util.Objects.requireNonNull;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled at {@code permitsPerSecond}. Callers reserve a
 * token under the lock and wait outside it, so waits queue fairly. Shared per key (a tenant, a realm) through
 * {@link #shared}.
 */
public final class TokenBucket {
    private static final ConcurrentMap<String, TokenBucket> SHARED = new ConcurrentHashMap<>();

    private final double permitsPerSecond;
    private final double capacity;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double permitsPerSecond, double capacity, Sleeper sleeper) {
        if (permitsPerSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be positive and capacity at least 1");
        }
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = capacity;
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    /** The bucket shared by everyone using {@code key}; the first caller's rate and capacity win. */
    public static TokenBucket shared(String key, double permitsPerSecond, double capacity) {
        return SHARED.computeIfAbsent(key, k -> new TokenBucket(permitsPerSecond, capacity, Sleeper.SYSTEM));
    }

    /** Takes one token, waiting until one is available. */
    public void acquire() {
        Duration wait = reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    synchronized Duration reserve() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * permitsPerSecond);
        refilledAt = now;
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / permitsPerSecond * 1e9));
    }
}
