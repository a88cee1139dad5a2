package io.cairn.connectors.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.cairn.spi.source.SourceException;

/** At most {@code permits} calls in flight per key (a QuickBooks realm allows 10), shared across the process. */
public final class ConcurrencyLimit {
    private static final ConcurrentMap<String, ConcurrencyLimit> SHARED = new ConcurrentHashMap<>();

    private final Semaphore permits;

    public ConcurrencyLimit(int permits) {
        this.permits = new Semaphore(permits, true);
    }

    /** The limit shared by everyone using {@code key}; the first caller's size wins. */
    public static ConcurrencyLimit shared(String key, int permits) {
        return SHARED.computeIfAbsent(key, k -> new ConcurrencyLimit(permits));
    }

    /** Runs {@code call} once a permit is free. */
    public <T> T call(Supplier<T> call) {
        try {
            permits.acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SourceException.transientFailure("Cannot wait for a free request slot: interrupted");
        }
        try {
            return call.get();
        }
        finally {
            permits.release();
        }
    }

    /** Permits free now. */
    public int available() {
        return permits.availablePermits();
    }
}
