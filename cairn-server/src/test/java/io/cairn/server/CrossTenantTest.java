package io.cairn.server;

import io.cairn.core.audit.AuditEntry;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.schedule.PipelineSchedule;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.core.schedule.ControlPlaneDataSource;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.server.http.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.cairn.server.ApiFixture.prefix;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenant acme's keys against everything of tenant beta: refused (403/404), nothing leaked, every attempt audited. */
class CrossTenantTest {
    @TempDir
    Path dir;
    ApiFixture api;
    String betaRun;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(dir);
        betaRun = api.post("/api/v1/tenants/beta/runs", api.betaAdmin, "{\"pipeline\": \"load\"}").json()
                .get("run_id").asText();
        new ScheduleStore(new ControlPlaneDataSource(ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve(
                "control"))), Clock.systemUTC()).add(new PipelineSchedule("beta_nightly", "load", ApiFixture.BETA,
                "0 2 * * *", ZoneId.of("UTC")));
        api.post("/api/v1/tenants/beta/sources", api.betaAdmin, "{\"name\": \"shop\", \"type\": \"testapi\", "
                + "\"options\": {\"base_url\": \"http://127.0.0.1:1\"}}");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void acmeKeysAreRefusedOnEveryRouteOfTenantBetaAndEachAttemptIsAudited() {
        List<Route> tenantRoutes = api.server.routes().routes().stream()
                .filter(route -> route.path().contains("{tenant}") || route.path().contains("{run}")
                        || route.path().contains("{schedule}"))
                .toList();
        assertThat(tenantRoutes).hasSizeGreaterThan(20);
        for (String key : List.of(api.acmeAdmin, api.acmeAnalyst)) {
            for (Route route : tenantRoutes) {
                int before = api.audit().size();
                String path = "/api/v1" + route.path().replace("{tenant}", "beta").replace("{source}", "shop")
                        .replace("{mart}", "fct_sales_by_day").replace("{run}", betaRun)
                        .replace("{schedule}", "beta_nightly");
                ApiFixture.Answer answer = api.call(route.method().name(), path, key, "{\"sql\": \"SELECT 1\", "
                        + "\"name\": \"x\", \"pipeline\": \"load\", \"cron\": \"0 3 * * *\"}", Map.of());

                assertThat(answer.status()).as("%s %s", route.method(), path).isIn(403, 404);
                assertThat(answer.body()).as("%s %s", route.method(), path).doesNotContain("beta Retail", "\"7\"",
                        "rows_landed", "fct_sales_by_day\"]");
                List<AuditEntry> audit = api.audit();
                assertThat(audit).as("%s %s", route.method(), path).hasSize(before + 1);
                assertThat(audit.get(0).outcome()).as("%s %s", route.method(), path).isEqualTo(AuditOutcome.DENIED);
                assertThat(audit.get(0).actor()).isEqualTo("api:" + prefix(key));
            }
        }
        assertThat(api.get("/api/v1/runs/" + betaRun, api.betaAdmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/schedules/beta_nightly", api.betaAdmin).status()).isEqualTo(200);
    }

    @Test
    void pathTricksAndSqlInIdsNeverReachAnotherTenant() {
        List<String> paths = List.of(
                "/api/v1/tenants/acme/../beta/marts",
                "/api/v1/tenants/acme/%2e%2e/beta/marts",
                "/api/v1/tenants/acme/marts/..%2f..%2fbeta%2fmarts",
                "/api/v1/tenants/%62%65%74%61/marts",
                "/api/v1/tenants/BETA/marts",
                "/api/v1/tenants/Beta/marts/fct_sales_by_day",
                "/api/v1/tenants/acme'%20OR%20'1'='1/marts",
                "/api/v1/tenants/beta%00/marts",
                "/api/v1/tenants/acme%2fbeta/marts",
                "/api/v1/runs/" + betaRun.toLowerCase(),
                "/api/v1/runs/x'%20OR%20'1'='1");
        for (String path : paths) {
            int before = api.audit().size();
            ApiFixture.Answer answer = api.get(path, api.acmeAnalyst);

            assertThat(answer.status()).as(path).isIn(400, 403, 404);
            assertThat(answer.json().has("error")).as(path).isTrue();
            assertThat(answer.body()).as(path).doesNotContain("beta Retail", "\"rows\"", "\"marts\"");
            assertThat(api.audit()).as(path).hasSize(before + 1);
            assertThat(api.audit().get(0).outcome()).as(path).isIn(AuditOutcome.DENIED, AuditOutcome.FAILED);
        }
    }

    @Test
    void sqlInAQueryBodyStaysInsideTheTenantsOwnData() {
        ApiFixture.Answer union = api.post("/api/v1/tenants/acme/query", api.acmeAnalyst, "{\"sql\": \"SELECT "
                + "tenant_id, count(*) AS n FROM marts.fct_sales_by_day WHERE tenant_id = 'beta' OR '1'='1' "
                + "GROUP BY tenant_id\"}");
        assertThat(union.status()).isEqualTo(200);
        assertThat(union.json().get("rows").toString()).isEqualTo("[[\"acme\",30]]");

        ApiFixture.Answer files = api.post("/api/v1/tenants/acme/query", api.acmeAnalyst,
                "{\"sql\": \"SELECT * FROM read_csv('/etc/passwd')\"}");
        assertThat(files.status()).isEqualTo(400);
        assertThat(files.body()).doesNotContain("root:");

        ApiFixture.Answer stacked = api.post("/api/v1/tenants/acme/query", api.acmeAnalyst,
                "{\"sql\": \"SELECT 1; DROP TABLE marts.fct_sales_by_day\"}");
        assertThat(stacked.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tenants/acme/marts", api.acmeAnalyst).json().get("marts").toString())
                .contains("fct_sales_by_day");
        assertThat(api.audit().get(0).action()).isEqualTo("data.read");
        assertThat(api.audit().get(1).action()).isEqualTo("data.query");
        assertThat(api.audit().get(1).outcome()).isEqualTo(AuditOutcome.FAILED);
    }
}
