package io.cairn.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.cairn.datagen.mock.QuickBooksMockServer;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QuickBooks grant refused mid-life ({@code invalid_grant}) under plain {@code cairn sync}: the tenant's webhook
 * hears about it once, later syncs skip the source until new credentials are stored, and the first sync after that
 * resolves the alert.
 */
class ReauthAlertCliTest {
    private static final String SECRET = "qb-client-S3CRET";

    @TempDir
    Path dir;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer webhook;
    private QuickBooksMockServer quickbooks;
    private InputStream stdin;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        quickbooks = new QuickBooksMockServer("4620816365", "qb-client", SECRET, "rt-seed");
        ObjectNode invoice = new ObjectMapper().createObjectNode().put("Id", "130").put("TotalAmt", 12.5);
        invoice.putObject("MetaData").put("LastUpdatedTime", "2024-03-01T10:00:00-08:00");
        quickbooks.put("Invoice", List.of(invoice));
        stdin = System.in;
    }

    @AfterEach
    void stop() {
        System.setIn(stdin);
        webhook.stop(0);
        quickbooks.close();
    }

    @Test
    void refusedGrantAlertsOnceSkipsTheSourceAndResolvesAfterNewCredentials() throws Exception {
        Files.writeString(dir.resolve("tenants.yml"), "tenants:\n  - id: acme\n    sources:\n      quickbooks:\n"
                + "        type: quickbooks\n        base_url: " + quickbooks.baseUrl() + "\n        token_url: "
                + quickbooks.tokenUrl() + "\n        realm_id: \"4620816365\"\n        client_id: qb-client\n"
                + "        client_secret: " + SECRET + "\n        refresh_token: rt-seed\n        streams: invoices\n");
        set("acme", "_alerts", "webhook.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        quickbooks.revokeRefreshToken();

        CliTest.Run refused = cairn("sync", "-p", dir.toString());
        CliTest.Run skipped = cairn("sync", "-p", dir.toString());

        assertThat(refused.exit()).as(refused.err()).isEqualTo(Main.DATA_FAILURE);
        assertThat(refused.out()).contains("invalid_grant", "ALERT trigger tenant/sync/quickbooks/acme");
        assertThat(skipped.exit()).isEqualTo(Main.DATA_FAILURE);
        assertThat(skipped.out()).as("the second sync does not ask QuickBooks again")
                .contains("FAILED tenant acme source quickbooks: skipped, state needs_reauth (invalid_grant at ",
                        "cairn credentials set acme quickbooks refresh_token")
                .doesNotContain("ALERT");
        assertThat(quickbooks.http().requests()).as("one refused refresh, nothing after it").hasSize(1);
        assertThat(cairn("credentials", "list", "-p", dir.toString()).out()).contains("needs_reauth");
        assertThat(received).as("one alert while broken").hasSize(1);
        JsonNode trigger = new ObjectMapper().readTree(received.get(0));
        assertThat(trigger.path("event").asText()).isEqualTo("trigger");
        assertThat(trigger.path("tenant").asText()).isEqualTo("acme");
        assertThat(trigger.path("details").get(0).asText()).contains("quickbooks", "needs re-authorisation",
                "invalid_grant");

        CliTest.Run stored = set("acme", "quickbooks", "refresh_token", quickbooks.currentRefreshToken());
        CliTest.Run fixed = cairn("sync", "-p", dir.toString());
        CliTest.Run again = cairn("sync", "-p", dir.toString());

        assertThat(stored.out()).contains("Cleared needs_reauth of tenant acme source quickbooks");
        assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("ALERT resolve tenant/sync/quickbooks/acme");
        assertThat(ConnectorCliTest.rows(fixed.out())).filteredOn(row -> row.startsWith("acme")).singleElement()
                .satisfies(row ->
                assertThat(ConnectorCliTest.cells(row)).startsWith("acme", "quickbooks/invoices", "1", "1", "1"));
        assertThat(again.out()).doesNotContain("ALERT");
        assertThat(received).as("then exactly one resolve").hasSize(2);
        JsonNode resolve = new ObjectMapper().readTree(received.get(1));
        assertThat(resolve.path("event").asText()).isEqualTo("resolve");
        assertThat(resolve.path("key").asText()).isEqualTo(trigger.path("key").asText());
        assertThat(String.join("", received) + refused.out() + refused.err() + skipped.out())
                .as("no secret in alerts or output").doesNotContain(SECRET, "rt-seed");
    }

    private CliTest.Run set(String tenant, String source, String key, String value) {
        System.setIn(new ByteArrayInputStream((value + "\n").getBytes(StandardCharsets.UTF_8)));
        CliTest.Run run = cairn("credentials", "set", tenant, source, key, "-p", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }
}
