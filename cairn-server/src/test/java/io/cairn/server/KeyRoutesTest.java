package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.apikeys.Role;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.config.ApiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.cairn.server.ApiFixture.prefix;
import static org.assertj.core.api.Assertions.assertThat;

class KeyRoutesTest {
    @TempDir
    Path dir;
    ApiFixture api;

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private void start(ApiSettings settings) throws SQLException {
        api = new ApiFixture(dir, settings);
    }

    @Test
    void aCreatedKeyIsShownOnceWorksForItsTenantAndStopsWhenRevoked() throws Exception {
        start(ApiSettings.defaults());
        ApiFixture.Answer created = api.post("/api/v1/api-keys", api.admin,
                "{\"role\": \"analyst\", \"tenant\": \"beta\", \"name\": \"bi\", \"expires_in_days\": 30}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("key").asText();
        assertThat(secret).matches("ck_[a-z2-7]{8}_[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("expires_at").asText()).startsWith(Instant.now().plus(Duration.ofDays(30))
                .toString().substring(0, 10));
        assertThat(api.get("/api/v1/tenants/beta/marts", secret).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenants/acme/marts", secret).status()).isEqualTo(403);

        String listed = api.get("/api/v1/api-keys", api.admin).body();
        assertThat(listed).contains(prefix(secret)).doesNotContain(secret.substring(12));
        assertThat(api.get("/api/v1/api-keys", api.betaAdmin).json().get("keys")).hasSize(2);

        ApiFixture.Answer revoked = api.call("DELETE", "/api/v1/api-keys/" + prefix(secret), api.betaAdmin, null,
                Map.of());
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/tenants/beta/marts", secret).status()).isEqualTo(401);
        assertThat(api.audit().stream().filter(e -> e.action().startsWith("access.")).map(e -> e.action()))
                .containsExactly("access.revoke", "access.list", "access.list", "access.grant");
    }

    @Test
    void tenantAdminsManageOnlyTheirTenantsNonAdminKeys() throws Exception {
        start(ApiSettings.defaults());
        assertThat(api.post("/api/v1/api-keys", api.acmeAdmin, "{\"role\": \"analyst\"}").json().get("tenant")
                .asText()).isEqualTo("acme");
        assertThat(api.post("/api/v1/api-keys", api.acmeAdmin, "{\"role\": \"analyst\", \"tenant\": \"beta\"}")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/api-keys", api.acmeAdmin, "{\"role\": \"admin\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/api-keys", api.acmeAnalyst, "{\"role\": \"analyst\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/api-keys", api.acmeAnalyst).status()).isEqualTo(403);
        assertThat(api.call("DELETE", "/api/v1/api-keys/" + prefix(api.betaAdmin), api.acmeAdmin, null, Map.of())
                .status()).isEqualTo(404);
        assertThat(api.audit().get(0).outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(api.get("/api/v1/tenants/beta", api.betaAdmin).status()).as("still valid").isEqualTo(200);
    }

    @Test
    void keyRequestsAreValidated() throws Exception {
        start(ApiSettings.defaults());
        assertThat(api.post("/api/v1/api-keys", api.admin, "{\"role\": \"root\"}").field()).isEqualTo("role");
        assertThat(api.post("/api/v1/api-keys", api.admin, "{\"role\": \"admin\", \"tenant\": \"acme\"}").field())
                .isEqualTo("tenant");
        assertThat(api.post("/api/v1/api-keys", api.admin, "{\"role\": \"analyst\"}").field()).isEqualTo("tenant");
        assertThat(api.post("/api/v1/api-keys", api.admin, "{\"role\": \"analyst\", \"tenant\": \"ACME\"}").field())
                .isEqualTo("tenant");
        assertThat(api.post("/api/v1/api-keys", api.admin, "{\"role\": \"analyst\", \"tenant\": \"zeta\"}").field())
                .isEqualTo("tenant");
        assertThat(api.post("/api/v1/api-keys", api.admin, "{\"role\": \"analyst\", \"tenant\": \"acme\", "
                + "\"expires_in_days\": 0}").field()).isEqualTo("expires_in_days");
    }

    @Test
    void expiredKeysAreRefused() throws Exception {
        start(ApiSettings.defaults());
        String expired = api.controlPlane.apiKeys().create(Role.ANALYST, ApiFixture.ACME, "old",
                Instant.now().minusSeconds(1)).secret();

        ApiFixture.Answer answer = api.get("/api/v1/tenants/acme/marts", expired);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().at("/error/code").asText()).isEqualTo("unauthenticated");
        assertThat(api.audit().get(0).outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void eachKeyHasItsOwnTokenBucket() throws Exception {
        start(new ApiSettings(0, 0.001, 3, Duration.ofSeconds(5), 100, "default", Map.of()));
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/tenants/acme", api.acmeAnalyst).status()).isEqualTo(200);
        }

        ApiFixture.Answer limited = api.get("/api/v1/tenants/acme", api.acmeAnalyst);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(1);
        assertThat(api.get("/api/v1/tenants/acme", api.acmeAdmin).status()).isEqualTo(200);
        assertThat(api.audit().get(1).outcome()).isEqualTo(AuditOutcome.DENIED);
    }
}
