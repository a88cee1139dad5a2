package io.cairn.datagen.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small SplitMix64 generator. Its output is fixed by this code alone (not by the JDK version), so the same
 * seed gives the same files everywhere; {@link #of} derives an independent stream per record.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    private Rng(long state) {
        this.state = state;
    }

    /** A generator for one key tuple, for example (seed, tenant, stream, record index, purpose). */
    public static Rng of(long... parts) {
        long h = 0x2545F4914F6CDD1DL;
        for (long part : parts) {
            h = mix(h + GOLDEN + part * 0xD6E8FEB86659FD93L);
        }
        return new Rng(h);
    }

    /** A stable 64-bit hash of a name (FNV-1a), for use as a key part. */
    public static long key(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [low, high], both included. */
    public int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    public <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    public String pick(String[] values) {
        return values[nextInt(values.length)];
    }

    /** An index in [0, size) skewed towards small values: popular products, loyal customers. */
    public int skewed(int size, double power) {
        return Math.min(size - 1, (int) (size * Math.pow(nextDouble(), power)));
    }

    /** A lower-case hex token of the given length. */
    public String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(Long.toHexString(nextLong() | Long.MIN_VALUE));
        }
        return out.substring(0, length);
    }
}
