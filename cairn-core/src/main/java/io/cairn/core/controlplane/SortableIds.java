package io.cairn.core.controlplane;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULID-style ids: 26 Crockford base-32 characters, 48 bits of milliseconds then 80 random bits. Ids sort by
 * creation time; within one millisecond of one process they still increase, because the random part is
 * incremented rather than drawn again.
 */
public final class SortableIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static long lastMillis = -1;
    private static long randomHigh;
    private static long randomLow;

    private SortableIds() {
    }

    /** A new id for the current time of {@code clock}. */
    public static synchronized String next(Clock clock) {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            randomHigh = RANDOM.nextInt(1 << 16);
            randomLow = RANDOM.nextLong();
        } else {
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
            }
        }
        return encode(lastMillis, randomHigh, randomLow);
    }

    private static String encode(long millis, long high, long low) {
        char[] id = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 25; i >= 10; i--) {
            id[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | (high << 59);
            high >>>= 5;
        }
        return new String(id);
    }
}
