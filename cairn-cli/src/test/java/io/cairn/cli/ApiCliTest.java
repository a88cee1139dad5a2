package io.cairn.cli;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn api-keys} and {@code cairn serve}: the first admin key from the CLI, then the API with real runs. */
class ApiCliTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void keysAreCreatedListedAndRevokedFromTheCommandLine() {
        assertThat(cairn("tenants", "add", "acme", "-p", dir.toString(), "--name", "Acme", "--timezone", "UTC",
                "--currency", "USD").exit()).isZero();

        CliTest.Run admin = cairn("api-keys", "create", "--role", "admin", "--expires-in", "90d", "-p",
                dir.toString());
        CliTest.Run analyst = cairn("api-keys", "create", "--role", "analyst", "--tenant", "acme", "--name", "bi",
                "-p", dir.toString());

        assertThat(admin.exit()).as(admin.err()).isZero();
        String key = admin.out().lines().findFirst().orElseThrow();
        assertThat(key).matches("ck_[a-z2-7]{8}_[A-Za-z0-9_-]{43}");
        String analystPrefix = analyst.out().lines().findFirst().orElseThrow().substring(0, 11);
        CliTest.Run list = cairn("api-keys", "list", "-p", dir.toString());
        assertThat(list.out()).containsPattern(key.substring(0, 11) + " +admin +- +- .* active")
                .containsPattern(analystPrefix + " +analyst +acme +bi .* never +active")
                .doesNotContain(key.substring(12));
        assertThat(cairn("api-keys", "revoke", analystPrefix, "-p", dir.toString()).out())
                .contains("Revoked API key " + analystPrefix);
        assertThat(cairn("api-keys", "list", "-p", dir.toString()).out()).containsPattern(analystPrefix + " .*revoked");

        CliTest.Run tenantlessAnalyst = cairn("api-keys", "create", "--role", "analyst", "-p", dir.toString());
        assertThat(tenantlessAnalyst.exit()).isEqualTo(Main.USAGE);
        assertThat(tenantlessAnalyst.err()).contains("needs --tenant");
        assertThat(cairn("api-keys", "create", "--role", "admin", "--expires-in", "soon", "-p", dir.toString())
                .err()).contains("--expires-in 'soon'");
    }

    @Test
    void serveAnswersTheApiAndRunsPipelinesThroughTheRealProcessors() throws Exception {
        assertThat(cairn("tenants", "add", "acme", "-p", dir.toString(), "--name", "Acme", "--timezone", "UTC",
                "--currency", "USD").exit()).isZero();
        Files.createDirectories(dir.resolve("pipelines"));
        Files.writeString(dir.resolve("pipelines/marks.yml"), """
                steps:
                  - name: mark
                    processor: sql
                    scope: tenant
                    sql: "CREATE TABLE IF NOT EXISTS marks AS SELECT '{tenant_id}' AS tenant_id"
                """);
        String key = cairn("api-keys", "create", "--role", "admin", "-p", dir.toString()).out().lines().findFirst()
                .orElseThrow();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AtomicReference<CliTest.Run> served = new AtomicReference<>();
        String portText = Integer.toString(port);
        Thread serve = new Thread(() -> served.set(cairn("serve", "-p", dir.toString(), "--port", portText,
                "--no-scheduler", "--stop-after-seconds", "120")));
        serve.start();
        try {
            awaitHealthy(port);
            HttpResponse<String> tenants = send(port, "GET", "/api/v1/tenants", key, null);
            assertThat(tenants.statusCode()).isEqualTo(200);
            assertThat(tenants.body()).contains("\"id\":\"acme\"");
            HttpResponse<String> started = send(port, "POST", "/api/v1/tenants/acme/runs", key,
                    "{\"pipeline\": \"marks\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String runId = started.body().replaceAll(".*\"run_id\":\"(\\w+)\".*", "$1");
            String run = "";
            for (int i = 0; i < 600 && !run.contains("\"status\":\"succeeded\""); i++) {
                Thread.sleep(100);
                run = send(port, "GET", "/api/v1/runs/" + runId, key, null).body();
            }
            assertThat(run).contains("\"status\":\"succeeded\"", "\"task_id\":\"mark/acme\"");
            assertThat(send(port, "GET", "/api/v1/tenants/acme", null, null).statusCode()).isEqualTo(401);
            assertThat(send(port, "GET", "/metrics", null, null).body()).contains("cairn_task_attempts_total");

            // offboarding through the API deletes the tenant's warehouse rows, raw files and control-plane rows
            Path rawFile = dir.resolve("data/raw/acme/shopify/orders/ingest_date=2024-01-01/l1.jsonl");
            Files.createDirectories(rawFile.getParent());
            Files.writeString(rawFile, "{\"id\": 1}\n");
            HttpResponse<String> asked = send(port, "DELETE", "/api/v1/tenants/acme", key, null);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            assertThat(asked.body()).contains("warehouse: 1 rows of main.marks", "files: 1 files, 10 bytes under raw/acme",
                    "control plane: 1 rows of tenants");
            assertThat(Files.exists(rawFile)).as("a preview deletes nothing").isTrue();
            String token = asked.body().replaceAll(".*\"confirm\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> deleted = send(port, "DELETE", "/api/v1/tenants/acme?confirm=" + token, key, null);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.body()).contains("warehouse: 1 rows of main.marks", "control plane: 1 rows of tenants");
            assertThat(dir.resolve("data/raw/acme")).doesNotExist();
            assertThat(send(port, "GET", "/api/v1/tenants/acme", key, null).statusCode()).isEqualTo(404);
        } finally {
            serve.interrupt();
            serve.join();
        }
        assertThat(served.get().out()).contains("API listening on http://127.0.0.1:" + port + "/api/v1");
        assertThat(served.get().out() + served.get().err()).doesNotContain(key.substring(12));
    }

    private void awaitHealthy(int port) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (send(port, "GET", "/health", null, null).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("cairn serve did not become healthy on port " + port);
    }

    private HttpResponse<String> send(int port, String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
