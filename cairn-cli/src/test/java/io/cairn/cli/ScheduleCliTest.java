package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

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

        CliTest.Run serve = cairn("serve", "-p", dir.toString(), "--node", "test-node", "--poll-interval-ms",
                "200", "--stop-after-seconds", "3");

        assertThat(serve.exit()).as(serve.err()).isZero();
        assertThat(serve.out()).contains("Scheduler test-node serving the schedules of",
                "Schedule often: running pipeline marks for acme (due ", "SUCCEEDED mark/acme",
                "Scheduler test-node stopped").containsPattern("Schedule often: run \\w+ succeeded: 1 tasks, 0 failed");
        assertThat(cairn("schedules", "list", "-p", dir.toString()).out()).containsPattern("often +marks +acme .* "
                + "succeeded");
        assertThat(cairn("runs", "list", "-p", dir.toString()).out()).contains("marks", "acme", "succeeded");
    }
}
