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

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleCliTest {
    @TempDir
    Path dir;

    private void addTenant(String id) {
        CliTest.Run add = cairn("tenants", "add", id, "-p", dir.toString(), "--name", id, "--timezone", "UTC",
                "--currency", "EUR");
        assertThat(add.exit()).as(add.err()).isZero();
    }

    @Test
    void schedulesAreAddedListedAndRemoved() {
        addTenant("acme");

        CliTest.Run add = cairn("schedules", "add", "nightly", "-p", dir.toString(), "--pipeline", "daily",
                "--cron", "0 3 * * *", "--timezone", "Europe/Berlin");
        CliTest.Run acme = cairn("schedules", "add", "acme-hourly", "-p", dir.toString(), "--pipeline", "daily",
                "--cron", "15 * * * *", "--tenant", "acme");

        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added schedule nightly: pipeline daily for all tenants at '0 3 * * *' "
                + "(Europe/Berlin); next due ");
        assertThat(acme.out()).contains("Added schedule acme-hourly: pipeline daily for acme at '15 * * * *' (UTC)");
        CliTest.Run list = cairn("schedules", "list", "-p", dir.toString());
        assertThat(list.out()).containsPattern("acme-hourly +daily +acme +15 \\* \\* \\* \\* +UTC +- +- +-")
                .containsPattern("nightly +daily +all +0 3 \\* \\* \\* +Europe/Berlin");

        CliTest.Run remove = cairn("schedules", "remove", "nightly", "-p", dir.toString());
        assertThat(remove.out()).contains("Removed schedule nightly");
        assertThat(cairn("schedules", "list", "-p", dir.toString()).out()).contains("acme-hourly")
                .doesNotContain("nightly");
        CliTest.Run again = cairn("schedules", "remove", "nightly", "-p", dir.toString());
        assertThat(again.exit()).isEqualTo(Main.USAGE);
        assertThat(again.err()).contains("Cannot remove schedule nightly: there is no such schedule");
    }

    @Test
    void badCronUnknownTenantOrPipelineFailBeforeStoring() {
        CliTest.Run cron = cairn("schedules", "add", "x", "-p", dir.toString(), "--pipeline", "daily", "--cron",
                "0 3 * *");
        CliTest.Run tenant = cairn("schedules", "add", "x", "-p", dir.toString(), "--pipeline", "daily", "--cron",
                "0 3 * * *", "--tenant", "nobody");
        CliTest.Run pipeline = cairn("schedules", "add", "x", "-p", dir.toString(), "--pipeline", "nosuch",
                "--cron", "0 3 * * *");

        assertThat(cron.exit()).isEqualTo(Main.USAGE);
        assertThat(cron.err()).contains("cron '0 3 * *' has 4 fields");
        assertThat(tenant.err()).contains("Cannot add schedule x for tenant nobody: no such tenant");
        assertThat(pipeline.exit()).isNotZero();
        assertThat(cairn("schedules", "list", "-p", dir.toString()).out()).contains("No schedules yet.");
    }

    @Test
    void serveRunsADueScheduleAndRecordsIt() throws Exception {
        addTenant("acme");
        Files.createDirectories(dir.resolve("pipelines"));
        Files.writeString(dir.resolve("pipelines").resolve("marks.yml"), """
                steps:
                  - name: mark
                    processor: sql
                    scope: tenant
                    sql: "CREATE TABLE IF NOT EXISTS marks_{tenant_id} AS SELECT 1 AS one"
                """);
        cairn("schedules", "add", "often", "-p", dir.toString(), "--pipeline", "marks", "--cron", "* * * * * *",
                "--tenant", "acme");

        CliTest.Run serve = cairn("serve", "-p", dir.toString(), "--port", "0", "--node", "test-node",
                "--poll-interval-ms", "200", "--stop-after-seconds", "3");

        assertThat(serve.exit()).as(serve.err()).isZero();
        assertThat(serve.out()).contains("Scheduler test-node serving the schedules of",
                "Schedule often: running pipeline marks for acme (due ", "SUCCEEDED mark/acme",
                "Scheduler test-node stopped").containsPattern("Schedule often: run \\w+ succeeded: 1 tasks, 0 failed");
        assertThat(cairn("schedules", "list", "-p", dir.toString()).out()).containsPattern("often +marks +acme .* "
                + "succeeded");
        assertThat(cairn("runs", "list", "-p", dir.toString()).out()).contains("marks", "acme", "succeeded");
    }

    @Test
    void failingScheduledRunsAreRecordedAndAlertThePlatformOnce() throws Exception {
        addTenant("acme");
        addTenant("ops");
        Files.createDirectories(dir.resolve("pipelines"));
        Files.writeString(dir.resolve("pipelines").resolve("broken.yml"), """
                steps:
                  - name: bad
                    processor: sql
                    sql: "SELECT * FROM no_such_table"
                """);
        cairn("schedules", "add", "broken-often", "-p", dir.toString(), "--pipeline", "broken", "--cron",
                "* * * * * *");
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n")
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(cairn("credentials", "set", "ops", "_alerts", "webhook.url", "-p", dir.toString()).exit())
                    .isZero();

            CliTest.Run serve = cairn("serve", "-p", dir.toString(), "--port", "0", "--node", "test-node",
                    "--poll-interval-ms", "200", "--stop-after-seconds", "3", "--platform-tenant", "ops");

            assertThat(serve.exit()).as("a failed scheduled run does not stop the scheduler").isZero();
            assertThat(serve.out()).contains("FAILED    bad ", "ALERT trigger platform/broken")
                    .containsPattern("Schedule broken-often: run \\w+ failed: 1 tasks, 1 failed");
            assertThat(serve.out().split("Schedule broken-often: running", -1).length - 1)
                    .as("several scheduled runs, one per second").isGreaterThanOrEqualTo(2);
            assertThat(received).as("one webhook call however often it keeps failing").hasSize(1);
        } finally {
            System.setIn(stdin);
            server.stop(0);
        }
        assertThat(cairn("schedules", "list", "-p", dir.toString()).out()).containsPattern("broken-often .* failed");
    }
}
