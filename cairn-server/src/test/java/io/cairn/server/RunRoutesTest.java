package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.config.ApiSettings;
import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.spi.raw.LoadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunRoutesTest {
    private static final String LOAD = "{\"pipeline\": \"load\", \"vars\": {\"note\": \"first\"}}";

    @TempDir
    Path dir;
    ApiFixture api;

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private ApiFixture start(ApiSettings settings) throws SQLException {
        api = new ApiFixture(dir, settings);
        return api;
    }

    @Test
    void aTriggeredRunExecutesThePipelineForTheTenantAndReadsBackWithItsTasks() throws Exception {
        start(ApiSettings.defaults());
        ApiFixture.Answer started = api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, LOAD);
        assertThat(started.status()).isEqualTo(202);
        String runId = started.json().get("run_id").asText();

        JsonNode run = finished(runId, api.acmeAnalyst);
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("tenant").asText()).isEqualTo("acme");
        assertThat(run.get("tasks")).hasSize(1);
        assertThat(run.at("/tasks/0/task_id").asText()).isEqualTo("load/acme");
        assertThat(run.at("/tasks/0/status").asText()).isEqualTo("succeeded");
        assertThat(loaded()).containsExactly("acme/" + runId);
        assertThat(api.get("/api/v1/tenants/acme/runs", api.acmeAnalyst).json().at("/runs/0/run_id").asText())
                .isEqualTo(runId);
        assertThat(api.get("/api/v1/tenants/beta/runs", api.betaAdmin).json().get("runs")).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameRunAndRefusesAnotherBody() throws Exception {
        start(ApiSettings.defaults());
        Map<String, String> key = Map.of("Idempotency-Key", "nightly-2026-01-01");
        ApiFixture.Answer first = api.call("POST", "/api/v1/tenants/acme/runs", api.acmeAdmin, LOAD, key);
        String runId = first.json().get("run_id").asText();
        finished(runId, api.acmeAdmin);

        ApiFixture.Answer again = api.call("POST", "/api/v1/tenants/acme/runs", api.acmeAdmin,
                "{\"vars\": {\"note\": \"first\"}, \"pipeline\": \"load\"}", key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("run_id").asText()).isEqualTo(runId);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();

        ApiFixture.Answer other = api.call("POST", "/api/v1/tenants/acme/runs", api.acmeAdmin,
                LOAD.replace("first", "second"), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().at("/error/code").asText()).isEqualTo("conflict");
        assertThat(loaded()).as("one run only").containsExactly("acme/" + runId);
        ApiFixture.Answer betaSameKey = api.call("POST", "/api/v1/tenants/beta/runs", api.betaAdmin, LOAD, key);
        assertThat(betaSameKey.status()).as("keys are per tenant").isEqualTo(202);
    }

    @Test
    void startingValidatesThePipelineAndVariablesAndNeedsAWritingRole() throws Exception {
        start(ApiSettings.defaults());
        assertThat(api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, "{\"pipeline\": \"nope\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, "{\"pipeline\": \"../x\"}").field())
                .isEqualTo("pipeline");
        assertThat(api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, "{\"vars\": {\"Bad Name\": \"x\"}}").field())
                .isEqualTo("vars.Bad Name");
        assertThat(api.call("POST", "/api/v1/tenants/acme/runs", api.acmeAdmin, LOAD,
                Map.of("Idempotency-Key", "k".repeat(300))).field()).isEqualTo("Idempotency-Key");
        assertThat(api.post("/api/v1/tenants/acme/runs", api.acmeAnalyst, LOAD).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/tenants/acme/runs", null, LOAD).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV", api.admin).status()).isEqualTo(404);
        assertThat(loaded()).isEmpty();
    }

    @Test
    void cancellingStopsARunningPipelineThroughTheControlPlane() throws Exception {
        start(ApiSettings.defaults());
        String runId = api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, "{\"pipeline\": \"slow\"}").json()
                .get("run_id").asText();
        awaitTaskRunning(runId);
        assertThat(api.post("/api/v1/runs/" + runId + "/cancel", api.acmeAnalyst, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/runs/" + runId + "/cancel", api.betaAdmin, null).status()).isEqualTo(404);

        ApiFixture.Answer cancelled = api.post("/api/v1/runs/" + runId + "/cancel", api.acmeAdmin, null);

        assertThat(cancelled.status()).isEqualTo(202);
        JsonNode run = finished(runId, api.acmeAdmin);
        assertThat(run.get("status").asText()).isEqualTo("cancelled");
        assertThat(run.get("error").asText()).startsWith("cancelled on request");
        assertThat(api.post("/api/v1/runs/" + runId + "/cancel", api.acmeAdmin, null).status()).isEqualTo(409);
        assertThat(api.audit().stream().filter(e -> e.action().equals("run.cancel")).map(e -> e.outcome()))
                .containsExactly(AuditOutcome.FAILED, AuditOutcome.OK, AuditOutcome.DENIED, AuditOutcome.DENIED);
    }

    @Test
    void aPlanLimitsRunsPerDayWith429AndRowsLandedPerMonthWith403() throws Exception {
        start(new ApiSettings(0, 20, 40, Duration.ofSeconds(5), 100, "free", Map.of(
                "free", new ApiSettings.Plan(Optional.of(1L), Optional.of(1000L)),
                "pro", new ApiSettings.Plan(Optional.empty(), Optional.empty()))));
        finished(api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, LOAD).json().get("run_id").asText(),
                api.acmeAdmin);

        ApiFixture.Answer second = api.post("/api/v1/tenants/acme/runs", api.acmeAdmin, LOAD);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().at("/error/code").asText()).isEqualTo("quota_exceeded");
        assertThat(second.json().at("/error/message").asText()).contains("1 runs per day", "free");
        assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 86_401L);

        land(1000);
        ApiFixture.Answer rows = api.post("/api/v1/tenants/beta/runs", api.betaAdmin, LOAD);
        assertThat(rows.status()).isEqualTo(403);
        assertThat(rows.json().at("/error/message").asText()).contains("landed 1000 rows");

        assertThat(api.call("PATCH", "/api/v1/tenants/beta", api.admin, "{\"plan\": \"gold\"}", Map.of()).field())
                .isEqualTo("plan");
        api.call("PATCH", "/api/v1/tenants/beta", api.admin, "{\"plan\": \"pro\"}", Map.of());
        assertThat(api.post("/api/v1/tenants/beta/runs", api.betaAdmin, LOAD).status()).isEqualTo(202);
    }

    private void land(long rows) {
        String loadId = "beta-shop-orders-1";
        api.controlPlane.loads().insert(new LoadRecord(loadId, ApiFixture.BETA, "shop", "orders", null,
                "raw/beta/shop/orders/x.jsonl", "jsonl", LoadStatus.STAGED, 10, null, Instant.now(), null, null));
        api.controlPlane.loads().markLanded(loadId, new LoadResult(loadId, rows, rows, 0, 0, 0, null, false));
    }

    private JsonNode finished(String runId, String key) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode run = api.get("/api/v1/runs/" + runId, key).json();
            if (!run.path("status").asText().equals("running") && !run.path("status").asText().equals("queued")) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }

    private void awaitTaskRunning(String runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (api.get("/api/v1/runs/" + runId, api.admin).json().path("tasks").size() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " started no task");
    }

    private List<String> loaded() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = api.warehouse.createStatement();
                ResultSet result = statement.executeQuery("SELECT tenant, run_id FROM loaded ORDER BY ALL")) {
            while (result.next()) {
                rows.add(result.getString(1) + "/" + result.getString(2));
            }
        }
        return rows;
    }
}
