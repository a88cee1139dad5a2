package io.cairn.connectors.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket, the concurrency limit and Retry-After parsing. */
class PacingTest {
    @Test
    void tokenBucketLetsTheBurstThroughThenPacesAtTheRate() {
        List<Duration> waits = new ArrayList<>();
        TokenBucket bucket = new TokenBucket(10, 3, waits::add);

        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }

        assertThat(waits).as("three free, then about 100 ms and 200 ms at 10 per second").hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(180), Duration.ofMillis(200));
    }

    @Test
    void concurrencyLimitNeverLetsMoreCallsInFlight() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        for (int i = 0; i < 48; i++) {
            pool.submit(() -> limit.call(() -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Sleeper.SYSTEM.sleep(Duration.ofMillis(2));
                return inFlight.decrementAndGet();
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(RetryAfter.parse("2.0", now)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse("0.25", now)).contains(Duration.ofMillis(250));
        assertThat(RetryAfter.parse("Mon, 01 Jan 2024 00:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }
}
