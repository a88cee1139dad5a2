package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.config.ApiSettings;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.StepScope;
import io.cairn.core.orchestrate.StepSpec;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.core.serving.ScopedTenantData;
import io.cairn.server.CairnServer;
import io.cairn.server.runs.PipelineRunLauncher;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseSettings;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./cairn-bench/bench api [--concurrency 8] [--seconds 10] [--tenants 20]}: latency (p50, p99) and throughput
 * of the HTTP API on loopback with {@code --concurrency} clients, each for a bounded time: {@code GET /runs/{id}} (key
 * lookup, rate limit, control-plane reads of the run and its tasks, an audit row) and a mart page (the same plus a
 * read through {@link ScopedTenantData} on a DuckDB warehouse opened by {@link DuckDbWarehouseFactory}: a tenant
 * connection on the tenant's published copy), against {@code GET /health/live} on the same server (the HTTP stack
 * alone) as the baseline. Mart pages rotate over every tenant ({@link ApiTenants}), each with its own key.
 */
public final class ApiBenchmark {
    private static final String PAGE = "?page=2&page_size=100";
    /** A request that takes longer fails the case rather than holding the run. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

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
        int tenantCount = Integer.parseInt(BenchSupport.option(args, "--tenants", "20"));
        Path dir = Files.createTempDirectory("cairn-api-bench");
        try (ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:"
                + dir.resolve("control")), MasterKeys.of(MasterKeys.generate()));
                Warehouse warehouse = new DuckDbWarehouseFactory().open(new WarehouseSettings(
                        DuckDbWarehouseFactory.TYPE, dir, Map.of("path", "warehouse.duckdb")));
                PipelineRunLauncher launcher = launcher(controlPlane)) {
            ApiTenants tenants = ApiTenants.create(controlPlane, warehouse, dir, tenantCount);
            TenantId first = ApiTenants.id(0);
            ApiSettings unlimited = new ApiSettings(0, 1_000_000, 1_000_000, Duration.ofSeconds(30), 10_000,
                    "default", Map.of());
            try (CairnServer server = CairnServer.builder(controlPlane, new ScopedTenantData(warehouse,
                    controlPlane), launcher).settings(unlimited).build().start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port();
                String runId = startRun(base, first, tenants.key(first));
                List<HttpRequest> marts = new ArrayList<>();
                for (TenantId tenant : tenants.ids()) {
                    marts.add(request(base + martPath(tenant), tenants.key(tenant)));
                    checkPage(tenant, marts.get(marts.size() - 1));
                }
                System.out.printf(Locale.ROOT, "API on %s, %d clients, %.0f s per case (after %.0f s warm-up); "
                        + "%d tenants x %d days in marts.%s, copies published; %d cores, load average %.2f%n", base,
                        concurrency, seconds, Math.min(3, seconds), tenantCount, ApiTenants.DAYS, ApiTenants.MART,
                        Runtime.getRuntime().availableProcessors(), BenchSupport.loadAverage());
                Map<String, List<HttpRequest>> cases = new LinkedHashMap<>();
                cases.put("GET /health/live (baseline)", List.of(request(base + "/health/live", null)));
                cases.put("GET /api/v1/runs/{id}", List.of(request(base + "/api/v1/runs/" + runId,
                        tenants.key(first))));
                cases.put("GET /api/v1/tenants/{id}/marts/{name} (100 rows, " + tenantCount + " tenants)", marts);
                List<Result> results = new ArrayList<>();
                for (Map.Entry<String, List<HttpRequest>> target : cases.entrySet()) {
                    measure(target.getKey(), target.getValue(), concurrency, Math.min(3, seconds));
                    results.add(measure(target.getKey(), target.getValue(), concurrency, seconds));
                }
                print(results);
                System.out.printf(Locale.ROOT, "load average after: %.2f; copies republished after the first "
                        + "publish: %s%n", BenchSupport.loadAverage(), tenants.republished());
            }
        } finally {
            BenchSupport.deleteRecursively(dir);
        }
    }

    private static String martPath(TenantId tenant) {
        return "/api/v1/tenants/" + tenant.value() + "/marts/" + ApiTenants.MART + PAGE;
    }

    private static HttpRequest request(String url, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        return key == null ? request.build() : request.header("Authorization", "Bearer " + key).build();
    }

    /** Fails unless the tenant's page is the 100 rows of days 101-200 of its own, and only its own. */
    private static void checkPage(TenantId tenant, HttpRequest request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        JsonNode page = new ObjectMapper().readTree(response.body());
        JsonNode rows = page.path("rows");
        boolean own = response.statusCode() == 200 && rows.size() == 100;
        for (int i = 0; own && i < rows.size(); i++) {
            own = rows.get(i).get(0).asText().equals(tenant.value())
                    && rows.get(i).get(1).asText().equals(ApiTenants.FIRST_DAY.plusDays(100 + i)
                    .toString());
        }
        if (!own) {
            throw new IllegalStateException("The mart page of tenant " + tenant + " is not its days 101-200: HTTP "
                    + response.statusCode() + " " + response.body().substring(0, Math.min(300,
                    response.body().length())));
        }
    }

    /** Runs of a one-step pipeline {@code mark} on the real executor, recorded in the control plane. */
    private static PipelineRunLauncher launcher(ControlPlane controlPlane) {
        return new PipelineRunLauncher(name -> new Pipeline(name, null, Map.of(), 1,
                List.of(new StepSpec("mark", ProcessorType.SQL, StepScope.TENANT, 0, Duration.ofMinutes(1),
                        List.of(), Map.of(), Map.of(), 0)), List.of(), List.of()),
                new PipelineExecutor(Map.of(ProcessorType.SQL, task -> TaskOutcome.rows(1, 1)),
                        fleet(ApiTenants.id(0)), controlPlane.pipelineRuns()), TaskListener.NONE, 1, 1,
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

    private static String startRun(String base, TenantId tenant, String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant.value()
                + "/runs")).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"pipeline\": \"mark\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String runId = body.replaceAll(".*\"run_id\":\"(\\w+)\".*", "$1");
        for (int i = 0; i < 300; i++) {
            String run = http.send(request(base + "/api/v1/runs/" + runId, key),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (run.contains("\"status\":\"succeeded\"")) {
                return runId;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the benchmark's run " + runId + " did not succeed");
    }

    /** Each client sends the requests in turn, client {@code c} starting at the {@code c}-th. */
    private static Result measure(String name, List<HttpRequest> requests, int clients, double seconds)
            throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                for (int i = client; System.nanoTime() < deadline; i++) {
                    HttpRequest request = requests.get(i % requests.size());
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
