package io.cairn.connectors.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.datagen.mock.Fault;
import io.cairn.datagen.mock.MockHttp;
import io.cairn.spi.source.SourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, classification, Retry-After and request logs against a real loopback server. */
class ApiClientTest {
    private static final String SECRET = "shpat_very_secret_value";
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private MockHttp server;

    @BeforeEach
    void start() {
        server = new MockHttp(exchange -> MockHttp.send(exchange, exchange.getRequestURI().getPath().equals("/missing")
                ? 404 : 200, "{\"ok\":true}"));
        logs.start();
        ((Logger) LoggerFactory.getLogger(RequestLog.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(RequestLog.class)).detachAppender(logs);
        server.close();
    }

    private ApiClient client(int attempts) {
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), attempts,
                Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(5));
        return new ApiClient("tenant acme source shop", settings, new TokenBucket(1000, 10, waits::add),
                waits::add, response -> {});
    }

    private ApiRequest get(String path) {
        return ApiRequest.get(URI.create(server.baseUrl() + path), Map.of("X-Shopify-Access-Token", SECRET));
    }

    @Test
    void transientFaultsAreRetriedUntilTheAnswerArrives() {
        server.inject("/ok", Fault.serverError());
        server.inject("/ok", Fault.reset());
        server.inject("/ok", Fault.truncated());
        server.inject("/ok", Fault.status(408, "{}"));

        long started = System.nanoTime();
        ApiResponse response = client(5).send(get("/ok"));

        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(server.requests()).hasSize(5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("drops are seen at once, not at the timeout")
                .isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterIsHonouredInsteadOfTheBackoff() {
        server.inject("/ok", Fault.tooManyRequests(Duration.ofMillis(1500)));

        client(3).send(get("/ok"));

        assertThat(waits).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void permanentErrorsAreNotRetried() {
        assertThatThrownBy(() -> client(5).send(get("/missing")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SourceException.Kind.PERMANENT);
                    assertThat(e.httpStatus()).isEqualTo(404);
                })
                .hasMessageContaining("Cannot GET /missing for tenant acme source shop: HTTP 404");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void exhaustedRetriesFailAsTransient() {
        for (int i = 0; i < 3; i++) {
            server.inject("/ok", Fault.serverError());
        }
        assertThatThrownBy(() -> client(3).send(get("/ok"))).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.isTransient()).isTrue());
        assertThat(waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(4)));
    }

    @Test
    void everyAttemptIsOneLogLineWithoutSecrets() {
        server.inject("/ok", Fault.serverError());

        client(3).send(get("/ok?page_info=abc&access_token=" + SECRET));

        assertThat(logs.list).hasSize(2);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(line -> {
            assertThat(line).doesNotContain(SECRET).contains("method=GET", "path=/ok?page_info=abc&access_token=***",
                    "duration_ms=");
        });
        assertThat(logs.list.get(0).getFormattedMessage()).contains("status=503", "attempt=1");
        assertThat(logs.list.get(1).getFormattedMessage()).contains("status=200", "attempt=2");
    }

    @Test
    void backoffIsJitteredBelowAnExponentialCeilingAndCapped() {
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 10,
                Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(1));
        for (int i = 0; i < 200; i++) {
            assertThat(Backoff.delay(settings, 1)).isLessThanOrEqualTo(Duration.ofMillis(100));
            assertThat(Backoff.delay(settings, 3)).isLessThanOrEqualTo(Duration.ofMillis(400));
            assertThat(Backoff.delay(settings, 30)).isLessThanOrEqualTo(Duration.ofMillis(1000));
        }
    }
}
