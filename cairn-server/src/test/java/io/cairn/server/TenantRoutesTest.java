package io.cairn.server;

import io.cairn.core.audit.AuditEntry;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.cairn.server.ApiFixture.prefix;
import static org.assertj.core.api.Assertions.assertThat;

class TenantRoutesTest {
    private static final String ONBOARD = """
            {"id": "gamma", "name": "Gamma Goods", "plan": "free", "tenancy": "dedicated",
             "time_zone": "Europe/Berlin", "currency": "EUR",
             "alert_channels": {"slack.webhook_url": "https://hooks.slack.example/T000/secret-path"}}""";

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
    void onboardingStoresTheTenantAndShowsAlertChannelsByNameOnly() {
        ApiFixture.Answer created = api.post("/api/v1/tenants", api.admin, ONBOARD);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("gamma");
        assertThat(created.json().get("tenancy").asText()).isEqualTo("dedicated");
        assertThat(created.json().get("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.json().get("currency").asText()).isEqualTo("EUR");
        assertThat(created.json().get("plan").asText()).isEqualTo("free");
        assertThat(created.json().get("alert_channels").get(0).asText()).isEqualTo("slack.webhook_url");
        assertThat(created.body()).doesNotContain("secret-path");
        assertThat(api.controlPlane.tenants().find(TenantId.of("gamma"))).isPresent();
        assertThat(api.controlPlane.credentials().get(TenantId.of("gamma"), "_alerts", "slack.webhook_url"))
                .contains("https://hooks.slack.example/T000/secret-path");
        AuditEntry entry = api.audit().get(0);
        assertThat(entry.action()).isEqualTo("tenant.onboard");
        assertThat(entry.actor()).isEqualTo("api:" + prefix(api.admin));
        assertThat(entry.tenant()).contains(TenantId.of("gamma"));
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.OK);
        assertThat(entry.detail()).doesNotContain("secret-path");
    }

    @Test
    void onboardingValidatesEveryFieldAndNamesIt() {
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("\"gamma\"", "\"ACME\"")).field())
                .isEqualTo("id");
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("\"gamma\"", "\"acme' OR '1'='1\""))
                .field()).isEqualTo("id");
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("EUR", "euro")).field())
                .isEqualTo("currency");
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("Europe/Berlin", "Mars/Olympus"))
                .field()).isEqualTo("time_zone");
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("dedicated", "private")).field())
                .isEqualTo("tenancy");
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("slack.webhook_url", "irc")).field())
                .isEqualTo("alert_channels.irc");
        assertThat(api.post("/api/v1/tenants", api.admin, "{\"id\": \"gamma\"}").field()).isEqualTo("name");
        ApiFixture.Answer notJson = api.post("/api/v1/tenants", api.admin, "{id: gamma");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/error/code").asText()).isEqualTo("invalid_request");
        assertThat(api.controlPlane.tenants().find(TenantId.of("gamma"))).isEmpty();
        assertThat(api.post("/api/v1/tenants", api.admin, ONBOARD.replace("\"gamma\"", "\"acme\"")).status())
                .isEqualTo(409);
    }

    @Test
    void onlyThePlatformAdminOnboardsAndEveryRefusalIsAudited() {
        assertThat(api.post("/api/v1/tenants", null, ONBOARD).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tenants", "ck_abcdefgh_" + "x".repeat(43), ONBOARD).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tenants", api.acmeAdmin, ONBOARD).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/tenants", api.acmeAnalyst, ONBOARD).status()).isEqualTo(403);

        assertThat(api.controlPlane.tenants().find(TenantId.of("gamma"))).isEmpty();
        assertThat(api.audit()).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("tenant.onboard");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
        assertThat(api.audit().get(0).actor()).isEqualTo("api:" + prefix(api.acmeAnalyst));
        assertThat(api.audit().get(3).actor()).isEqualTo("api:anonymous");
    }

    @Test
    void tenantKeysListAndReadOnlyTheirOwnTenant() {
        assertThat(api.get("/api/v1/tenants", api.admin).json().get("tenants")).hasSize(2);
        ApiFixture.Answer own = api.get("/api/v1/tenants", api.acmeAnalyst);
        assertThat(own.json().get("tenants")).hasSize(1);
        assertThat(own.json().at("/tenants/0/id").asText()).isEqualTo("acme");
        assertThat(api.get("/api/v1/tenants/acme", api.acmeAnalyst).json().get("name").asText())
                .isEqualTo("acme Retail");
        assertThat(api.get("/api/v1/tenants/beta", api.acmeAnalyst).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tenants/nobody", api.admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/NOBODY", api.admin).field()).isEqualTo("tenant");
    }

    @Test
    void updateChangesOnlyTheGivenFields() {
        ApiFixture.Answer updated = api.call("PATCH", "/api/v1/tenants/acme", api.admin,
                "{\"name\": \"Acme Inc\", \"currency\": \"CAD\"}", Map.of());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Acme Inc");
        assertThat(updated.json().get("currency").asText()).isEqualTo("CAD");
        assertThat(updated.json().get("time_zone").asText()).isEqualTo("UTC");
        assertThat(api.call("PATCH", "/api/v1/tenants/acme", api.acmeAdmin, "{\"name\": \"x\"}", Map.of())
                .status()).isEqualTo(403);
        assertThat(api.call("PATCH", "/api/v1/tenants/acme", api.admin, "{\"tenancy\": 3}", Map.of()).field())
                .isEqualTo("tenancy");
    }

    @Test
    void offboardingNeedsTheConfirmationTokenOfItsOwnTenant() {
        ApiFixture.Answer asked = api.call("DELETE", "/api/v1/tenants/beta", api.admin, null, Map.of());
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().get("would_delete").toString()).contains("tenant beta", "1 API keys");
        String token = asked.json().get("confirm").asText();
        assertThat(api.controlPlane.tenants().find(ApiFixture.BETA)).isPresent();

        String otherToken = api.call("DELETE", "/api/v1/tenants/acme", api.admin, null, Map.of()).json()
                .get("confirm").asText();
        assertThat(api.call("DELETE", "/api/v1/tenants/beta?confirm=" + otherToken, api.admin, null, Map.of())
                .field()).isEqualTo("confirm");
        assertThat(api.call("DELETE", "/api/v1/tenants/beta?confirm=" + token, api.acmeAdmin, null, Map.of())
                .status()).isEqualTo(403);

        ApiFixture.Answer done = api.call("DELETE", "/api/v1/tenants/beta?confirm=" + token, api.admin, null,
                Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(api.controlPlane.tenants().find(ApiFixture.BETA)).isEmpty();
        assertThat(api.get("/api/v1/tenants/beta", api.betaAdmin).status())
                .as("the tenant's keys went with it").isEqualTo(401);
        assertThat(api.call("DELETE", "/api/v1/tenants/beta?confirm=" + token, api.admin, null, Map.of()).status())
                .isEqualTo(404);
    }
}
