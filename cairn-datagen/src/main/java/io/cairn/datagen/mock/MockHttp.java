package io.cairn.datagen.mock;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * The plumbing of the mock APIs: a JDK HTTP server on 127.0.0.1 and an ephemeral port, a log of requests, a queue
 * of faults injected into the next matching requests, and hooks that run after each request.
 */
public final class MockHttp implements AutoCloseable {
    /** Answers one request that passed the fault queue. */
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private record Planned(Predicate<String> matches, Fault fault) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<String> requests = new ArrayList<>();
    private final Deque<Planned> faults = new ArrayDeque<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile IntConsumer afterRequest = n -> {};
    private java.util.Random random;
    private double faultRate;

    public MockHttp(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot start a mock API server: %s", e.getMessage());
        }
        server.createContext("/", exchange -> serve(exchange, handler));
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next request whose path and query contain {@code pathPart} with {@code fault}. */
    public synchronized void inject(String pathPart, Fault fault) {
        faults.addLast(new Planned(target -> target.contains(pathPart), fault));
    }

    /**
     * Answers a random share of requests (outside the planned faults) with a transient fault: half of them
     * {@code 429} with a short {@code Retry-After}, half {@code 503}. Zero turns it off.
     */
    public synchronized void randomFaults(double rate, long seed) {
        this.faultRate = rate;
        this.random = new java.util.Random(seed);
    }

    /** Runs {@code hook} with the request number (from 1) after each answered request. */
    public void afterRequest(IntConsumer hook) {
        this.afterRequest = hook;
    }

    /**
     * Holds every request this long before answering it, so clients that send concurrently are seen overlapping
     * (as a real API's latency would make them).
     */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /**
     * The most requests seen in flight at once: counted from arrival until just before the answer is sent, so a
     * client that sends its next request only after an answer is never counted twice.
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Every request so far, as {@code METHOD path?query}, in arrival order. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    private void serve(HttpExchange exchange, Handler handler) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Fault fault;
        synchronized (this) {
            requests.add(exchange.getRequestMethod() + " " + target);
            fault = nextFault(target);
        }
        boolean drop = fault != null && fault.kind() != Fault.Kind.STATUS;
        hold();
        try {
            if (fault != null) {
                answerFault(exchange, fault);
            }
            else {
                handler.handle(exchange);
            }
        }
        catch (RuntimeException e) {
            send(exchange, 500, "{\"errors\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
        }
        finally {
            if (!drop) {
                exchange.close();
            }
            afterRequest.accept(count.incrementAndGet());
        }
        if (drop) {
            // the JDK server closes the connection when a handler throws: the client sees it drop
            throw new IOException("injected fault: " + fault.kind());
        }
    }

    private void hold() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            inFlight.decrementAndGet();
        }
    }

    private Fault nextFault(String target) {
        for (var it = faults.iterator(); it.hasNext(); ) {
            Planned planned = it.next();
            if (planned.matches().test(target)) {
                it.remove();
                return planned.fault();
            }
        }
        if (faultRate > 0 && random.nextDouble() < faultRate) {
            return random.nextBoolean() ? Fault.tooManyRequests(Duration.ofMillis(50)) : Fault.serverError();
        }
        return null;
    }

    private static void answerFault(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case RESET -> {
                // nothing is sent before the connection drops
            }
            case TRUNCATED -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 4096);
                OutputStream out = exchange.getResponseBody();
                out.write("{\"orders\":[{\"id\":1,".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            case STATUS -> {
                if (fault.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", String.format(Locale.ROOT, "%.3f",
                            fault.retryAfter().toNanos() / 1e9));
                }
                send(exchange, fault.status(), fault.body());
            }
        }
    }

    /** Sends a JSON body with its length. */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
