package io.cairn.connectors.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random wait between zero and {@code min(cap, base * 2^(n-1))}. */
public final class Backoff {
    private Backoff() {}

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public static Duration delay(HttpSettings settings, int retry) {
        long cap = settings.backoffCap().toNanos();
        long ceiling = settings.backoffBase().toNanos();
        for (int i = 1; i < retry && ceiling < cap; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap);
        return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
