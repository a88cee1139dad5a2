package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.core.audit.AuditEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SourceRoutesTest {
    private static final String SOURCES = "/api/v1/tenants/acme/sources";
    private static final String SHOP = SOURCES + "/shop";
    private static final String ADD = "{\"name\": \"shop\", \"type\": \"testapi\", \"options\": "
            + "{\"base_url\": \"https://shop.example\"}}";

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
    void aSourceIsAddedCheckedWithItsCredentialsAndNeverShowsThem() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        ApiFixture.Answer added = api.post(SOURCES, api.acmeAdmin, ADD);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("type").asText()).isEqualTo("testapi");
        JsonNode unconfigured = api.post(SHOP + "/check", api.acmeAdmin, null).json();
        assertThat(unconfigured.get("ok").asBoolean()).isFalse();
        assertThat(unconfigured.at("/problems/0/field").asText()).isEqualTo("api_token");

        ApiFixture.Answer wrong = api.call("PUT", "/api/v1/tenants/acme/credentials/shop", api.acmeAdmin,
                "{\"credentials\": {\"api_token\": \"wrong-token-456\"}}", Map.of());
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json().at("/credentials/0/value").asText()).isEqualTo("***");
        JsonNode refused = api.post(SHOP + "/check", api.acmeAdmin, null).json();
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.at("/problems/0/message").asText()).contains("refused");

        api.call("PUT", "/api/v1/tenants/acme/credentials/shop", api.acmeAdmin,
                "{\"credentials\": {\"api_token\": \"" + TestConnectorFactory.GOOD_TOKEN + "\"}}", Map.of());
        JsonNode ok = api.post(SHOP + "/check", api.acmeAdmin, null).json();
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("problems")).isEmpty();

        String listed = api.get("/api/v1/tenants/acme/credentials", api.acmeAdmin).body();
        assertThat(listed).isEqualTo("{\"credentials\":[{\"source\":\"shop\",\"key\":\"api_token\",\"value\":"
                + "\"***\"}]}");
        assertThat(api.get(SHOP, api.acmeAdmin).json().at("/options/api_token").asText()).isEqualTo("***");
        for (AuditEntry entry : api.audit()) {
            assertThat(entry.detail() + entry.target()).doesNotContain("wrong-token", TestConnectorFactory.GOOD_TOKEN);
        }
        root.detachAppender(logged);
        assertThat(logged.list).as("log lines").noneMatch(event -> event.getFormattedMessage().contains("wrong-token")
                || event.getFormattedMessage().contains(TestConnectorFactory.GOOD_TOKEN));
    }

    @Test
    void addingValidatesNameTypeAndOptionsAndRefusesSecretsInOptions() {
        assertThat(api.post(SOURCES, api.acmeAdmin, ADD.replace("\"shop\"", "\"Shop!\"")).field()).isEqualTo("name");
        ApiFixture.Answer type = api.post(SOURCES, api.acmeAdmin, ADD.replace("testapi", "ftp"));
        assertThat(type.field()).isEqualTo("type");
        assertThat(type.json().at("/error/message").asText()).contains("testapi");
        ApiFixture.Answer secret = api.post(SOURCES, api.acmeAdmin, ADD.replace("\"base_url\"",
                "\"api_token\": \"abc\", \"base_url\""));
        assertThat(secret.field()).isEqualTo("options.api_token");
        assertThat(secret.body()).doesNotContain("abc");
        assertThat(api.post(SOURCES, api.acmeAnalyst, ADD).status()).isEqualTo(403);
        assertThat(api.get(SOURCES, api.acmeAdmin).json().get("sources")).isEmpty();
        api.post(SOURCES, api.acmeAdmin, ADD);
        assertThat(api.post(SOURCES, api.acmeAdmin, ADD).status()).isEqualTo(409);
        assertThat(api.call("PUT", "/api/v1/tenants/acme/credentials/shop", api.acmeAdmin,
                "{\"credentials\": {\"base_url\": \"https://x\"}}", Map.of()).field())
                .isEqualTo("credentials.base_url");
        assertThat(api.call("PUT", "/api/v1/tenants/acme/credentials/nope", api.acmeAdmin,
                "{\"credentials\": {\"api_token\": \"x\"}}", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void configuringDiscoveringAndChoosingStreams() {
        api.post(SOURCES, api.acmeAdmin, ADD);
        api.call("PUT", "/api/v1/tenants/acme/credentials/shop", api.acmeAdmin,
                "{\"credentials\": {\"api_token\": \"" + TestConnectorFactory.GOOD_TOKEN + "\"}}", Map.of());

        JsonNode configured = api.call("PATCH", SHOP, api.acmeAdmin, "{\"options\": {\"page_size\": \"50\"}, "
                + "\"enabled\": false}", Map.of()).json();
        assertThat(configured.at("/options/page_size").asText()).isEqualTo("50");
        assertThat(configured.get("enabled").asBoolean()).isFalse();
        assertThat(api.get(SHOP + "/streams", api.acmeAdmin).json().get("streams").toString())
                .contains("\"name\":\"orders\"", "\"name\":\"customers\"").doesNotContain("\"enabled\":false");

        ApiFixture.Answer chosen = api.call("PUT", SHOP + "/streams", api.acmeAdmin, "{\"enabled\": [\"orders\"]}",
                Map.of());
        assertThat(chosen.status()).isEqualTo(200);
        JsonNode streams = api.get(SHOP + "/streams", api.acmeAdmin).json().get("streams");
        assertThat(streams.get(0).get("enabled").asBoolean()).isTrue();
        assertThat(streams.get(1).get("enabled").asBoolean()).isFalse();
        assertThat(api.call("PUT", SHOP + "/streams", api.acmeAdmin, "{\"enabled\": [\"refunds\"]}", Map.of())
                .field()).isEqualTo("enabled");

        assertThat(api.call("DELETE", SHOP, api.acmeAdmin, null, Map.of()).status()).isEqualTo(200);
        assertThat(api.get(SHOP, api.acmeAdmin).status()).isEqualTo(404);
        assertThat(api.controlPlane.credentials().keys(ApiFixture.ACME, "shop")).isEmpty();
    }
}
