package io.cairn.bench;

import io.cairn.core.apikeys.Role;
import io.cairn.core.config.ApiSettings;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.StepScope;
import io.cairn.core.orchestrate.StepSpec;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.server.CairnServer;
import io.cairn.server.runs.PipelineRunLauncher;
import io.cairn.spi.TenantId;
import org.duckdb.DuckDBConnection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./cairn-bench/bench api [--concurrency 8] [--seconds 10]}: latency (p50, p99) and throughput of the HTTP API
 * on loopback with {@code --concurrency} clients, each for a bounded time: {@code GET /runs/{id}} (key lookup, rate
 * limit, control-plane reads of the run and its tasks, an audit row) and a mart page (the same plus a DuckDB read),
 * against {@code GET /health/live} on the same server (the HTTP stack alone) as the baseline.
 */
public final class ApiBenchmark {
    private ApiBenchmark() {
    }

    /** Latencies and errors of one case. */
    private record Result(String name, long requests, long errors, double seconds, double p50, double p99) {
        double throughput() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.parseInt(BenchSupport.option(args, "--concurrency", "8"));
        double seconds = Double.parseDouble(BenchSupport.option(args, "--seconds", "10"));
        Path dir = Files.createTempDirectory("cairn-api-bench");
        try (ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:"
                + dir.resolve("control")), MasterKeys.of(MasterKeys.generate()));
                DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                PipelineRunLauncher launcher = launcher(controlPlane)) {
            String key = setUp(controlPlane, duck);
            ApiSettings unlimited = new ApiSettings(0, 1_000_000, 1_000_000, Duration.ofSeconds(30), 10_000,
                    "default", Map.of());
            try (CairnServer server = CairnServer.builder(controlPlane, new BenchTenantData(duck), launcher)
                    .settings(unlimited).build().start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port();
                String runId = startRun(base, key);
                System.out.printf(Locale.ROOT, "API on %s, %d clients, %.0f s per case (after %.0f s warm-up)%n",
                        base, concurrency, seconds, Math.min(3, seconds));
                List<Result> results = new ArrayList<>();
                for (String[] target : List.of(new String[] {"GET /health/live (baseline)", "/health/live"},
                        new String[] {"GET /api/v1/runs/{id}", "/api/v1/runs/" + runId},
                        new String[] {"GET /api/v1/tenants/{id}/marts/{name} (100 rows)",
                                "/api/v1/tenants/acme/marts/fct_sales_by_day?page=2&page_size=100"})) {
                    measure(target[0], base + target[1], key, concurrency, Math.min(3, seconds));
                    results.add(measure(target[0], base + target[1], key, concurrency, seconds));
                }
                print(results);
            }
        } finally {
            BenchSupport.deleteRecursively(dir);
        }
    }

    /** Tenant acme with a tenant_admin key (returned), and a mart of 365 days for three tenants. */
    private static String setUp(ControlPlane controlPlane, DuckDBConnection duck) throws SQLException {
        TenantId acme = TenantId.of("acme");
        controlPlane.tenants().upsert(new Tenant(acme, "Acme", Tenancy.SHARED, ZoneId.of("UTC"), "USD", null));
        try (Statement statement = duck.createStatement()) {
            statement.execute("CREATE SCHEMA marts");
            statement.execute("CREATE TABLE marts.fct_sales_by_day AS SELECT t.tenant_id, DATE '2025-01-01' + "
                    + "CAST(i AS INTEGER) AS day, i % 97 AS orders, CAST(i * 1.25 AS DECIMAL(12,2)) AS revenue "
                    + "FROM range(365) r(i), (VALUES ('acme'), ('beta'), ('gamma')) t(tenant_id)");
        }
        return controlPlane.apiKeys().create(Role.TENANT_ADMIN, acme, "bench", null).secret();
    }

    /** Runs of a one-step pipeline {@code mark} on the real executor, recorded in the control plane. */
    private static PipelineRunLauncher launcher(ControlPlane controlPlane) {
        return new PipelineRunLauncher(name -> new Pipeline(name, null, Map.of(), 1,
                List.of(new StepSpec("mark", ProcessorType.SQL, StepScope.TENANT, 0, Duration.ofMinutes(1),
                        List.of(), Map.of(), Map.of(), 0)), List.of(), List.of()),
                new PipelineExecutor(Map.of(ProcessorType.SQL, task -> TaskOutcome.rows(1, 1)),
                        fleet(TenantId.of("acme")), controlPlane.pipelineRuns()), TaskListener.NONE, 1, 1,
                Clock.systemUTC());
    }

    private static Fleet fleet(TenantId tenant) {
        return new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return List.of(tenant);
            }

            @Override
            public List<String> sources(TenantId ignored) {
                return List.of();
            }
        };
    }

    private static String startRun(String base, String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme/runs"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"pipeline\": \"mark\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String runId = body.replaceAll(".*\"run_id\":\"(\\w+)\".*", "$1");
        for (int i = 0; i < 300; i++) {
            String run = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs/" + runId))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (run.contains("\"status\":\"succeeded\"")) {
                return runId;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the benchmark's run " + runId + " did not succeed");
    }

    private static Result measure(String name, String url, String key, int clients, double seconds)
            throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                    latencies.add(System.nanoTime() - sent);
                    errors += status == 200 ? 0 : 1;
                }
                long[] values = new long[latencies.size() + 1];
                values[0] = errors;
                for (int i = 0; i < latencies.size(); i++) {
                    values[i + 1] = latencies.get(i);
                }
                return values;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> future : futures) {
            long[] values = future.get();
            errors += values[0];
            for (int i = 1; i < values.length; i++) {
                all.add(values[i]);
            }
        }
        double elapsed = BenchSupport.seconds(start);
        pool.shutdownNow();
        clientThreads.shutdownNow();
        all.sort(null);
        return new Result(name, all.size(), errors, elapsed, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1)) / 1e6;
    }

    private static void print(List<Result> results) {
        double baseline = results.get(0).throughput();
        System.out.println("| case | requests | errors | req/s | p50 ms | p99 ms | throughput vs baseline |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Result result : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %d | %,.0f | %.2f | %.2f | %.2f |%n", result.name(),
                    result.requests(), result.errors(), result.throughput(), result.p50(), result.p99(),
                    result.throughput() / baseline);
        }
    }
}
