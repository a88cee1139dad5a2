package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineCliTest {
    @TempDir
    Path dir;

    private void addTenant(String id) {
        CliTest.Run add = cairn("tenants", "add", id, "-p", dir.toString(), "--name", id, "--timezone", "UTC",
                "--currency", "EUR");
        assertThat(add.exit()).as(add.err()).isZero();
    }

    private void pipeline(String name, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("pipelines"));
        Files.writeString(dir.resolve("pipelines").resolve(name + ".yml"), yaml);
    }

    @Test
    void pipelineRunsPerTenantStepsAndRunsListAndShowTheHistory() throws Exception {
        addTenant("acme");
        addTenant("beta");
        pipeline("marks", """
                steps:
                  - name: create
                    processor: sql
                    sql: "CREATE TABLE IF NOT EXISTS marks (tenant VARCHAR, label VARCHAR)"
                  - name: mark
                    processor: sql
                    scope: tenant
                    depends_on: [create]
                    sql: "INSERT INTO marks VALUES ('{tenant_id}', '{label}')"
                """);

        CliTest.Run run = cairn("pipeline", "run", "marks", "-p", dir.toString(), "--var", "label=nightly");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SUCCEEDED create ", "SUCCEEDED mark/acme ", "SUCCEEDED mark/beta ",
                "rows landed 1");
        assertThat(run.out()).containsPattern("Pipeline marks run \\w+ succeeded: 3 tasks, 3 succeeded, 0 failed");
        String runId = run.out().replaceAll("(?s).*Pipeline marks run (\\w+) succeeded.*", "$1");

        CliTest.Run acmeOnly = cairn("pipeline", "run", "marks", "-p", dir.toString(), "--tenant", "acme",
                "--var", "label=rerun");
        assertThat(acmeOnly.out()).contains("SUCCEEDED mark/acme ").doesNotContain("mark/beta")
                .containsPattern("succeeded: 2 tasks, 2 succeeded");

        CliTest.Run list = cairn("runs", "list", "-p", dir.toString());
        assertThat(list.out()).contains(runId, "marks", "succeeded", "acme");
        CliTest.Run show = cairn("runs", "show", runId, "-p", dir.toString());
        assertThat(show.out()).contains("Run " + runId + " of pipeline marks (all tenants): succeeded",
                "mark/acme", "mark/beta");
    }

    @Test
    void failingTaskExitsOneAndRunsOnFailureSteps() throws Exception {
        addTenant("acme");
        pipeline("broken", """
                steps:
                  - name: bad
                    processor: sql
                    sql: "SELECT * FROM no_such_table"
                on_failure:
                  - name: tell
                    processor: notify
                    message: "{pipeline} failed {failed_tasks} task(s)"
                """);

        CliTest.Run run = cairn("pipeline", "run", "broken", "-p", dir.toString());

        assertThat(run.exit()).isEqualTo(Main.DATA_FAILURE);
        assertThat(run.out()).contains("FAILED    bad ", "no_such_table", "NOTIFY broken failed 1 task(s)",
                "1 failed");
    }

    @Test
    void aFailedGlobalStepAlertsThePlatformOnceThroughItsWebhook() throws Exception {
        addTenant("acme");
        addTenant("ops");
        pipeline("broken", """
                steps:
                  - name: bad
                    processor: sql
                    sql: "SELECT * FROM no_such_table"
                """);
        List<String> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/hook\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliTest.Run set = cairn("credentials", "set", "ops", "_alerts", "webhook.url", "-p", dir.toString());
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.out()).doesNotContain("127.0.0.1");

            CliTest.Run first = cairn("pipeline", "run", "broken", "-p", dir.toString(), "--platform-tenant", "ops");
            CliTest.Run second = cairn("pipeline", "run", "broken", "-p", dir.toString(), "--platform-tenant", "ops");

            assertThat(first.out()).contains("ALERT trigger platform/broken");
            assertThat(second.out()).as("still failing: deduplicated").doesNotContain("ALERT");
            assertThat(received).as("one webhook call").hasSize(1);
            assertThat(received.get(0)).contains("\"event\":\"trigger\"", "\"pipeline\":\"broken\"");
        }
        finally {
            System.setIn(stdin);
            server.stop(0);
        }
    }

    @Test
    void invalidPipelineFailsBeforeAnythingRunsNamingFileLineAndKey() throws Exception {
        addTenant("acme");
        pipeline("typo", "steps:\n  - name: a\n    processor: sql\n    sql: \"SELECT '{tenant}'\"\n");

        CliTest.Run run = cairn("pipeline", "run", "typo", "-p", dir.toString());

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("typo.yml: line 4, key 'steps[0].sql': unknown variable '{tenant}'");
        assertThat(cairn("runs", "list", "-p", dir.toString()).out()).contains("No pipeline runs yet.");
    }

    @Test
    void builtInDailySyncsEverySourceAndStillBuildsWhenSomeSourcesFail() {
        String project = dir.resolve("demo").toString();
        CliTest.Run demo = cairn("demo", "--dir", project, "--tenants", "2", "--days", "3", "--seed", "5");
        assertThat(demo.exit()).as(demo.err()).isZero();

        // The demo's connector sources point at mock APIs that stopped with the demo: they fail, file drops do not.
        CliTest.Run run = cairn("pipeline", "run", "daily", "-p", project);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(Main.DATA_FAILURE);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("SUCCEEDED sync/")).as(run.out()).hasSize(6);
        assertThat(lines).filteredOn(line -> line.startsWith("FAILED")).hasSize(4)
                .allMatch(line -> line.contains("/shopify ") || line.contains("/quickbooks "))
                .allMatch(line -> line.contains("ConnectException"));
        assertThat(run.out()).as("the failed sources block neither the build nor the tests")
                .contains("SUCCEEDED build ", "SUCCEEDED test ")
                .containsPattern("Pipeline daily run \\w+ failed: \\d+ tasks, 8 succeeded, 4 failed, 0 timed out, "
                        + "\\d+ skipped");
        assertThat(lines).as("models downstream of the failed sources are skipped for their tenant")
                .filteredOn(line -> line.startsWith("SKIPPED"))
                .anyMatch(line -> line.matches("SKIPPED\\s+build/\\w+/shopify/stg_shopify__orders .*"))
                .allMatch(line -> line.contains("/shopify/") || line.contains("/quickbooks/"));
    }

    @Test
    void backfillRunsOncePerDateInOrderAndEachRunIsRecorded() throws Exception {
        addTenant("acme");
        pipeline("daily_marks", """
                steps:
                  - name: create
                    processor: sql
                    sql: "CREATE TABLE IF NOT EXISTS marks (d DATE, tenant VARCHAR, currency VARCHAR)"
                  - name: mark
                    processor: sql
                    scope: tenant
                    depends_on: [create]
                    sql: "INSERT INTO marks VALUES ('{date}', '{tenant_id}', '{tenant.currency}')"
                on_success:
                  - name: done
                    processor: notify
                    message: "marked {date}"
                """);

        CliTest.Run run = cairn("pipeline", "run", "daily_marks", "-p", dir.toString(), "--from", "2024-02-28",
                "--to", "2024-03-01");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith("NOTIFY")).toList())
                .containsExactly("NOTIFY marked 2024-02-28", "NOTIFY marked 2024-02-29", "NOTIFY marked 2024-03-01");
        assertThat(run.out()).contains("Backfill of pipeline daily_marks from 2024-02-28 to 2024-03-01: 3 of 3 "
                + "dates run, 0 failed");
        assertThat(cairn("runs", "list", "-p", dir.toString()).out().lines()
                .filter(line -> line.contains("daily_marks"))).hasSize(3);
        CliTest.Run mixed = cairn("pipeline", "run", "daily_marks", "-p", dir.toString(), "--from", "2024-02-28");
        assertThat(mixed.exit()).isEqualTo(Main.USAGE);
        assertThat(mixed.err()).contains("--from and --to go together");
    }

    @Test
    void runRefusedWhileAnotherHoldsTheGuardAndCancelNamesWhyItCannot() throws Exception {
        addTenant("acme");
        pipeline("marks", "steps:\n  - name: a\n    processor: sql\n    sql: \"SELECT 1\"\n");
        CliTest.Run refused;
        try (ProjectContext context = ProjectContext.open(dir)) {
            io.cairn.core.schedule.RunGuard guard = new io.cairn.core.schedule.RunGuard(
                    context.controlPlaneDataSource(), java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(5));
            try (io.cairn.core.schedule.RunGuard.Lease lease = guard.tryAcquire("marks", false,
                    List.of(io.cairn.spi.TenantId.of("acme")), "other-node").orElseThrow()) {
                refused = cairn("pipeline", "run", "marks", "-p", dir.toString());
            }
        }
        CliTest.Run after = cairn("pipeline", "run", "marks", "-p", dir.toString());

        assertThat(refused.exit()).isEqualTo(Main.USAGE);
        assertThat(refused.err()).contains("Cannot run pipeline marks for all tenants: a run of it is still going on");
        assertThat(after.exit()).as(after.err()).isZero();
        String runId = after.out().replaceAll("(?s).*Pipeline marks run (\\w+) succeeded.*", "$1");
        CliTest.Run cancel = cairn("runs", "cancel", runId, "-p", dir.toString());
        assertThat(cancel.exit()).isEqualTo(Main.USAGE);
        assertThat(cancel.err()).contains("Cannot cancel run " + runId + ": it is succeeded, not running");
        assertThat(cairn("runs", "cancel", "nope", "-p", dir.toString()).err())
                .contains("Cannot cancel run nope: no such pipeline run");
    }
}
