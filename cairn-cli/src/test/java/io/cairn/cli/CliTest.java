package io.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run cairn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void demoLandsEverythingAndASecondRunChangesNoCount() {
        String project = dir.resolve("demo").toString();

        Run first = cairn("demo", "--dir", project, "--tenants", "2", "--days", "7", "--seed", "3");

        assertThat(first.exit()).as(first.err()).isZero();
        List<String> firstRows = summaryRows(first.out());
        assertThat(firstRows).hasSizeGreaterThanOrEqualTo(2 * 14);
        assertThat(firstRows).as("every stream matches the ground truth").allMatch(row -> row.endsWith(" ok"));
        assertThat(Path.of(project, "tenants.yml")).exists();
        assertThat(Path.of(project, "warehouse.duckdb")).exists();
        assertThat(first.out()).as("marts built, every data test passing").containsPattern("ERROR=0 SKIP=0");
        assertThat(first.out().lines().filter(line -> line.contains("net sales")))
                .as("each tenant's marts total exactly its ground truth").hasSize(2)
                .allMatch(line -> line.matches(".*net sales .* equal\\), expenses .* equal\\)"));

        Run second = cairn("demo", "--dir", project, "--tenants", "2", "--days", "7", "--seed", "3");

        assertThat(second.exit()).as(second.err()).isZero();
        List<String> secondRows = summaryRows(second.out());
        assertThat(secondRows).allMatch(row -> row.endsWith(" ok"));
        assertThat(column(secondRows, 4)).as("landed on the second run").containsOnly("0");
        assertThat(column(secondRows, 9)).as("raw rows after the second run").isEqualTo(column(firstRows, 9));

        Run tests = cairn("test", "-p", project);
        assertThat(tests.exit()).as(tests.err()).isZero();
        assertThat(tests.out()).as("the bundled package's tests run and record data quality")
                .containsPattern("Data quality: [1-9][0-9]* checks recorded in ops.dq_results: [0-9]+ pass, [0-9]+ warn, 0 fail");
    }

    @Test
    void tenantsAddListRemove() {
        String project = dir.toString();
        assertThat(cairn("tenants", "add", "acme", "-p", project, "--name", "Acme Retail", "--timezone",
                "Europe/Berlin", "--currency", "EUR", "--source", "shopify").exit()).isZero();

        Run list = cairn("tenants", "list", "-p", project);
        assertThat(list.out()).contains("acme", "Acme Retail", "shared", "Europe/Berlin", "EUR", "shopify");

        assertThat(cairn("tenants", "remove", "acme", "-p", project).exit()).isZero();
        assertThat(cairn("tenants", "list", "-p", project).out()).contains("No tenants yet");
        Run missing = cairn("tenants", "remove", "acme", "-p", project);
        assertThat(missing.exit()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("Cannot remove tenant acme: no such tenant");
    }

    @Test
    void badTenantIdIsAUsageError() {
        Run run = cairn("tenants", "add", "Acme!", "-p", dir.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("Cannot use tenant id 'Acme!'");
    }

    @Test
    void badConfigNamesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("cairn.yml"), "warehouse:\n  type: duckdb\n  pathh: x.duckdb\n");
        Run run = cairn("sync", "-p", dir.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("cairn.yml", "line 3", "warehouse.pathh");
    }

    @Test
    void syncLandsADropForOneTenant() throws Exception {
        String project = dir.toString();
        cairn("tenants", "add", "acme", "-p", project, "--source", "pos");
        Path inbox = dir.resolve("data/inbox/acme/pos/transactions");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("t.jsonl"), "{\"transaction_id\":\"t1\",\"updated_at\":\"2024-01-01T10:00:00Z\"}\n"
                + "{\"transaction_id\":\"t2\",\"updated_at\":\"2024-01-01T11:00:00Z\"}\nnot json\n");
        Files.writeString(inbox.resolve("_SUCCESS"), "");

        Run run = cairn("sync", "-p", project, "--tenant", "acme");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(summaryRows(run.out())).singleElement().satisfies(row ->
                assertThat(row.split("\\s+")).containsExactly("acme", "pos/transactions", "1", "3", "2", "0", "1",
                        "0", row.split("\\s+")[8], "2"));
        assertThat(cairn("sync", "-p", project).out()).contains("Nothing to land");
    }

    @Test
    void syncPrintsJsonForScripts() throws Exception {
        String project = dir.toString();
        cairn("tenants", "add", "acme", "-p", project, "--source", "pos");
        Path inbox = dir.resolve("data/inbox/acme/pos/transactions");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("t.jsonl"), "{\"transaction_id\":\"t1\",\"updated_at\":\"2024-01-01T10:00:00Z\"}\n{oops\n");
        Files.writeString(inbox.resolve("_SUCCESS"), "");

        Run run = cairn("sync", "-p", project, "--json");

        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("failed").asInt()).isZero();
        com.fasterxml.jackson.databind.JsonNode load = json.path("loads").get(0);
        assertThat(load.path("tenant").asText()).isEqualTo("acme");
        assertThat(load.path("stream").asText()).isEqualTo("transactions");
        assertThat(load.path("records_read").asLong()).isEqualTo(2);
        assertThat(load.path("rows_landed").asLong()).isEqualTo(1);
        assertThat(load.path("rows_dead_lettered").asLong()).isEqualTo(1);
    }

    private static List<String> summaryRows(String out) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("tenant ")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("---")) {
                continue;
            }
            if (inTable && line.isBlank()) {
                break;
            }
            if (inTable) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private static List<String> column(List<String> rows, int index) {
        return rows.stream().map(row -> row.split("\\s+")[index]).toList();
    }
}
