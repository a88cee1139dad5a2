package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.TenantData;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document, health, metrics and how failures are answered. */
class OpenApiTest {
    @TempDir
    Path dir;
    ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theDocumentListsExactlyTheRoutesJavalinRegistered() {
        ApiFixture.Answer answer = api.get("/api/v1/openapi.json", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode document = answer.json();
        assertThat(document.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT)
                    + " /api/v1" + path.getKey()));
        }
        Set<String> registered = new TreeSet<>(api.server.registeredEndpoints().stream()
                .filter(endpoint -> endpoint.contains(" /api/v1/")).toList());

        assertThat(documented).isEqualTo(registered);
        assertThat(documented).contains("POST /api/v1/tenants", "GET /api/v1/tenants/{tenant}/marts/{mart}",
                "POST /api/v1/tenants/{tenant}/runs", "GET /api/v1/runs/{run}", "DELETE /api/v1/api-keys/{key}");
        assertThat(document.at("/paths/~1runs~1{run}/get/parameters/0/name").asText()).isEqualTo("run");
    }

    @Test
    void healthChecksTheControlPlaneAndWarehouseAndMetricsCountRequests() {
        ApiFixture.Answer health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("checks").toString())
                .isEqualTo("{\"control_plane\":\"up\",\"warehouse\":\"up\"}");
        assertThat(api.get("/health/live", null).json().get("status").asText()).isEqualTo("up");
        api.get("/api/v1/tenants/acme", api.acmeAnalyst);

        String metrics = api.get("/metrics", null).body();

        assertThat(metrics).contains("cairn_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/tenants/"
                + "{tenant}\",status=\"200\"} 1");
    }

    @Test
    void failuresAreJsonWithoutInternalsAndAnUnreachableWarehouseIsNotReady() throws Exception {
        TenantData broken = new BrokenData();
        try (CairnServer server = CairnServer.builder(api.controlPlane, broken, api.launcher)
                .readiness("warehouse", () -> {
                    throw new IllegalStateException("connection refused to 10.0.0.7:5432 as cairn_owner");
                }).build().start("127.0.0.1", 0)) {
            ApiFixture.Answer internal = api.send(server.port(), "GET", "/api/v1/tenants/acme/marts", api.acmeAnalyst,
                    null, Map.of());
            assertThat(internal.status()).isEqualTo(500);
            assertThat(internal.json().at("/error/code").asText()).isEqualTo("internal");
            assertThat(internal.body()).doesNotContain("hunter2", "jdbc", "Exception", "at io.");
            ApiFixture.Answer unsupported = api.send(server.port(), "GET", "/api/v1/tenants/acme/quality",
                    api.acmeAnalyst, null, Map.of());
            assertThat(unsupported.status()).isEqualTo(501);
            ApiFixture.Answer health = api.send(server.port(), "GET", "/health", null, null, Map.of());
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/checks/warehouse").asText()).isEqualTo("down");
            assertThat(health.body()).doesNotContain("10.0.0.7");
        }
    }

    /** Fails the way a broken warehouse connection does. */
    private static final class BrokenData implements TenantData {
        @Override
        public List<String> marts(TenantId tenant) {
            throw new IllegalStateException("jdbc:postgresql://db/cairn?password=hunter2 refused");
        }

        @Override
        public ResultPage readMart(TenantId tenant, String mart, LocalDate from, LocalDate to, int offset, int limit) {
            throw new IllegalStateException("unused");
        }

        @Override
        public void writeMartCsv(TenantId tenant, String mart, LocalDate from, LocalDate to, Writer out) {
            throw new IllegalStateException("unused");
        }

        @Override
        public ResultPage query(TenantId tenant, String sql, Duration timeout, int maxRows) {
            throw new IllegalStateException("unused");
        }

        @Override
        public ResultPage quality(TenantId tenant) {
            throw new io.cairn.spi.CairnException(io.cairn.spi.ErrorCode.UNSUPPORTED,
                    "Cannot read quality of tenant %s: this engine cannot serve tenants", tenant);
        }

        @Override
        public ResultPage freshness(TenantId tenant) {
            throw new IllegalStateException("unused");
        }
    }
}
