package io.cairn.datagen.mock;

/** Shopify's leaky bucket of API calls: each call adds one, the bucket drains at a fixed rate. */
final class CallLimitBucket {
    private final int size;
    private final double leakPerSecond;
    private double level;
    private long updatedAt = System.nanoTime();

    CallLimitBucket(int size, double leakPerSecond) {
        this.size = size;
        this.leakPerSecond = leakPerSecond;
    }

    /** Adds a call and returns the level after it, rounded up; above {@link #size()} the call is refused. */
    synchronized int take() {
        long now = System.nanoTime();
        level = Math.max(0, level - (now - updatedAt) / 1e9 * leakPerSecond);
        updatedAt = now;
        if (level + 1 > size) {
            return size + 1;
        }
        level += 1;
        return (int) Math.ceil(level);
    }

    int size() {
        return size;
    }
}
