package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.apikeys.Role;
import io.cairn.core.audit.AuditEntry;
import io.cairn.core.config.ApiSettings;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.Processor;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.StepScope;
import io.cairn.core.orchestrate.StepSpec;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.core.schedule.ControlPlaneDataSource;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.server.http.Json;
import io.cairn.server.runs.PipelineRunLauncher;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real server for the API tests: an H2 control plane in a temporary folder with tenants {@code acme} and
 * {@code beta} and a key of every role, DuckDB tenant copies with a mart, the real pipeline executor running
 * {@code sql} steps on DuckDB, on a free loopback port; and an HTTP client to call it.
 */
final class ApiFixture implements AutoCloseable {
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId BETA = TenantId.of("beta");

    final ControlPlane controlPlane;
    final DuckDbTenantCopies data;
    final Connection warehouse;
    final PipelineRunLauncher launcher;
    final CairnServer server;
    final String admin;
    final String acmeAdmin;
    final String acmeAnalyst;
    final String betaAdmin;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiFixture(Path dir) throws SQLException {
        this(dir, ApiSettings.defaults());
    }

    ApiFixture(Path dir, ApiSettings settings) throws SQLException {
        ControlPlaneSettings database = ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
        controlPlane = ControlPlane.open(database, MasterKeys.of(MasterKeys.generate()));
        for (TenantId tenant : List.of(ACME, BETA)) {
            controlPlane.tenants().upsert(new Tenant(tenant, tenant.value() + " Retail", Tenancy.SHARED,
                    ZoneId.of("UTC"), "USD", null));
        }
        admin = controlPlane.apiKeys().create(Role.ADMIN, null, "ops", null).secret();
        acmeAdmin = controlPlane.apiKeys().create(Role.TENANT_ADMIN, ACME, "acme admin", null).secret();
        acmeAnalyst = controlPlane.apiKeys().create(Role.ANALYST, ACME, "acme analyst", null).secret();
        betaAdmin = controlPlane.apiKeys().create(Role.TENANT_ADMIN, BETA, "beta admin", null).secret();
        data = new DuckDbTenantCopies(Map.of(ACME, tenantRows("acme", 30, 100), BETA, tenantRows("beta", 5, 7)));
        warehouse = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = warehouse.createStatement()) {
            statement.execute("CREATE TABLE loaded (tenant VARCHAR, run_id VARCHAR)");
        }
        launcher = new PipelineRunLauncher(this::pipeline, new PipelineExecutor(processors(), fleet(),
                controlPlane.pipelineRuns()), TaskListener.NONE, 2, 4, Clock.systemUTC());
        server = CairnServer.builder(controlPlane, data, launcher)
                .settings(settings)
                .schedules(new ScheduleStore(new ControlPlaneDataSource(database), Clock.systemUTC()))
                .readiness("warehouse", () -> warehouse.isValid(1))
                .build().start("127.0.0.1", 0);
    }

    /** A mart of {@code days} days with {@code orders} orders a day, a quality result and a freshness row. */
    private static List<String> tenantRows(String tenant, int days, int orders) {
        return List.of("CREATE TABLE marts.fct_sales_by_day AS SELECT '" + tenant + "' AS tenant_id, DATE '2026-01-01'"
                        + " + CAST(i AS INTEGER) AS day, " + orders + " AS orders, CAST(" + orders + " * 2.5 AS "
                        + "DECIMAL(12,2)) AS revenue FROM range(" + days + ") t(i)",
                "CREATE TABLE ops.dq_results AS SELECT '" + tenant + "' AS tenant_id, 'not_null_orders_id' AS test, "
                        + "'pass' AS status, TIMESTAMP '2026-01-02 03:04:05' AS checked_at",
                "CREATE TABLE ops.freshness AS SELECT '" + tenant + "' AS tenant_id, 'shop' AS source, 'orders' AS "
                        + "stream, " + orders + " AS rows_landed");
    }

    private Pipeline pipeline(String name) {
        StepSpec step = switch (name) {
            case "load" -> new StepSpec("load", ProcessorType.SQL, StepScope.TENANT, 0, Duration.ofMinutes(1),
                    List.of(), Map.of(), Map.of("sql", "INSERT INTO loaded VALUES ('{tenant_id}', '{run_id}')"), 0);
            case "slow" -> new StepSpec("spin", ProcessorType.SQL, StepScope.TENANT, 0, Duration.ofMinutes(5),
                    List.of(), Map.of(), Map.of("sql", "SELECT sum(i * 2) FROM range(1000000000000) t(i)"), 0);
            default -> throw new CairnException(ErrorCode.NOT_FOUND, "Cannot find pipeline %s", name);
        };
        return new Pipeline(name, null, Map.of(), 2, List.of(step), List.of(), List.of());
    }

    private Map<ProcessorType, Processor> processors() {
        return Map.of(ProcessorType.SQL, task -> {
            try (Connection connection = ((DuckDBConnection) warehouse).duplicate();
                    Statement statement = connection.createStatement()) {
                task.cancellation().onCancel(() -> {
                    try {
                        statement.cancel();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                statement.execute(task.param("sql"));
                return TaskOutcome.NONE;
            }
        });
    }

    private Fleet fleet() {
        return new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return controlPlane.tenants().list().stream().map(Tenant::id).toList();
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return List.of();
            }
        };
    }

    /** An answer of the server. */
    record Answer(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The {@code error.field} of an error answer. */
        String field() {
            return json().path("error").path("field").asText(null);
        }
    }

    Answer get(String path, String key) {
        return call("GET", path, key, null, Map.of());
    }

    Answer post(String path, String key, String body) {
        return call("POST", path, key, body, Map.of());
    }

    Answer call(String method, String path, String key, String body, Map<String, String> headers) {
        return send(server.port(), method, path, key, body, headers);
    }

    /** Calls another server on {@code port}. */
    Answer send(int port, String method, String path, String key, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every audit entry, newest first. */
    List<AuditEntry> audit() {
        return new ArrayList<>(controlPlane.audit().list(null, null, null, 10_000));
    }

    /** The prefix (ck_ and 8 characters) of a key. */
    static String prefix(String key) {
        return key.substring(0, 11);
    }

    @Override
    public void close() throws SQLException {
        server.close();
        launcher.close();
        data.close();
        warehouse.close();
        controlPlane.close();
    }
}
