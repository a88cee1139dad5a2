package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.audit.AuditEntry;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.config.ApiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataRoutesTest {
    private static final String MART = "/api/v1/tenants/acme/marts/fct_sales_by_day";

    @TempDir
    Path dir;
    ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(dir, new ApiSettings(0, 100, 100, Duration.ofSeconds(5), 5, "default", Map.of()));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void martsArePagedInOrderAndFilteredByDate() {
        assertThat(api.get("/api/v1/tenants/acme/marts", api.acmeAnalyst).json().get("marts").toString())
                .isEqualTo("[\"fct_sales_by_day\"]");
        ApiFixture.Answer page = api.get(MART + "?page=2&page_size=10", api.acmeAnalyst);
        JsonNode second = page.json();
        assertThat(second.get("columns").toString()).isEqualTo("[\"tenant_id\",\"day\",\"orders\",\"revenue\"]");
        assertThat(second.get("rows")).hasSize(10);
        assertThat(page.body()).as("decimals keep their scale").contains("\"rows\":[[\"acme\",\"2026-01-11\",100,250.00]");
        assertThat(second.get("has_more").asBoolean()).isTrue();
        JsonNode last = api.get(MART + "?page=3&page_size=10", api.acmeAnalyst).json();
        assertThat(last.get("rows")).hasSize(10);
        assertThat(last.get("has_more").asBoolean()).isFalse();
        JsonNode week = api.get(MART + "?from=2026-01-05&to=2026-01-11", api.acmeAnalyst).json();
        assertThat(week.get("rows")).hasSize(7);
        assertThat(week.at("/rows/6/1").asText()).isEqualTo("2026-01-11");

        AuditEntry read = api.audit().get(0);
        assertThat(read.action()).isEqualTo("data.read");
        assertThat(read.target()).isEqualTo("mart fct_sales_by_day");
        assertThat(read.tenant()).contains(ApiFixture.ACME);
        assertThat(read.outcome()).isEqualTo(AuditOutcome.OK);
    }

    @Test
    void csvComesWithTheAcceptHeaderOrTheFormatParameter() {
        ApiFixture.Answer accepted = api.call("GET", MART + "?to=2026-01-02", api.acmeAnalyst, null,
                Map.of("Accept", "text/csv"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(accepted.body()).isEqualTo("tenant_id,day,orders,revenue\nacme,2026-01-01,100,250.00\n"
                + "acme,2026-01-02,100,250.00\n");
        assertThat(api.get(MART + "?format=csv", api.acmeAnalyst).body().lines()).hasSize(31);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertThat(api.get(MART + "?from=2026-02-01&to=2026-01-01", api.acmeAnalyst).field()).isEqualTo("from");
        assertThat(api.get(MART + "?from=yesterday", api.acmeAnalyst).field()).isEqualTo("from");
        assertThat(api.get(MART + "?page_size=5000", api.acmeAnalyst).field()).isEqualTo("page_size");
        assertThat(api.get(MART + "?page=0", api.acmeAnalyst).field()).isEqualTo("page");
        assertThat(api.get(MART + "?format=xml", api.acmeAnalyst).field()).isEqualTo("format");
        assertThat(api.get("/api/v1/tenants/acme/marts/fct_nothing", api.acmeAnalyst).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tenants/acme/query", api.acmeAnalyst, "{}").field()).isEqualTo("sql");
        assertThat(api.get(MART, null).status()).isEqualTo(401);
    }

    @Test
    void queriesRunWithTheConfiguredRowLimit() {
        JsonNode result = api.post("/api/v1/tenants/acme/query", api.acmeAnalyst,
                "{\"sql\": \"SELECT day, revenue FROM marts.fct_sales_by_day ORDER BY day\"}").json();

        assertThat(result.get("rows")).hasSize(5);
        assertThat(result.get("has_more").asBoolean()).isTrue();
        assertThat(result.get("row_limit").asInt()).isEqualTo(5);
        assertThat(api.audit().get(0).action()).isEqualTo("data.query");
        assertThat(api.audit().get(0).detail()).doesNotContain("SELECT");
    }

    @Test
    void qualityAndFreshnessAreTheTenantsOwn() {
        JsonNode quality = api.get("/api/v1/tenants/acme/quality", api.acmeAnalyst).json();
        assertThat(quality.at("/rows/0").toString()).contains("\"acme\"", "not_null_orders_id", "pass");
        JsonNode freshness = api.get("/api/v1/tenants/beta/freshness", api.betaAdmin).json();
        assertThat(freshness.get("rows").toString()).isEqualTo("[[\"beta\",\"shop\",\"orders\",7]]");
    }
}
