package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleRoutesTest {
    private static final String NIGHTLY = "{\"name\": \"acme_nightly\", \"pipeline\": \"load\", \"tenant\": \"acme\", "
            + "\"cron\": \"0 2 * * *\", \"timezone\": \"America/New_York\"}";

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
    void aTenantAdminManagesItsTenantsSchedules() {
        ApiFixture.Answer created = api.post("/api/v1/schedules", api.acmeAdmin, NIGHTLY);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("cron").asText()).isEqualTo("0 2 * * *");
        assertThat(created.json().get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(api.get("/api/v1/schedules/acme_nightly", api.acmeAnalyst).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/schedules", api.betaAdmin).json().get("schedules")).isEmpty();
        assertThat(api.get("/api/v1/schedules", api.admin).json().get("schedules")).hasSize(1);

        JsonNode replaced = api.call("PUT", "/api/v1/schedules/acme_nightly", api.acmeAdmin,
                NIGHTLY.replace("0 2", "30 3"), Map.of()).json();
        assertThat(replaced.get("cron").asText()).isEqualTo("30 3 * * *");
        assertThat(api.call("PUT", "/api/v1/schedules/acme_nightly", api.acmeAnalyst, NIGHTLY, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.call("DELETE", "/api/v1/schedules/acme_nightly", api.acmeAdmin, null, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/schedules/acme_nightly", api.admin).status()).isEqualTo(404);
    }

    @Test
    void schedulesAreValidatedAndScopedToTheKeysTenant() {
        assertThat(api.post("/api/v1/schedules", api.acmeAdmin, NIGHTLY.replace("0 2 * * *", "every night"))
                .field()).isEqualTo("cron");
        assertThat(api.post("/api/v1/schedules", api.acmeAdmin, NIGHTLY.replace("America/New_York", "Nowhere"))
                .field()).isEqualTo("timezone");
        assertThat(api.post("/api/v1/schedules", api.acmeAdmin, NIGHTLY.replace("acme_nightly", "Acme Nightly"))
                .field()).isEqualTo("name");
        assertThat(api.post("/api/v1/schedules", api.acmeAdmin, NIGHTLY.replace("\"tenant\": \"acme\"",
                "\"tenant\": \"beta\"")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/schedules", api.acmeAdmin, NIGHTLY.replace("\"tenant\": \"acme\", ", ""))
                .status()).as("every tenant is the platform's").isEqualTo(403);
        assertThat(api.post("/api/v1/schedules", api.acmeAnalyst, NIGHTLY).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/schedules", api.admin, NIGHTLY.replace("\"tenant\": \"acme\", ", ""))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/schedules", api.admin, NIGHTLY).status()).isEqualTo(409);
    }
}
