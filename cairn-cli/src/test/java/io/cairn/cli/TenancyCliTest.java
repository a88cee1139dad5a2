package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn tenants move|offboard} and tenancy on landing, through the command line. */
class TenancyCliTest {
    @TempDir
    Path dir;

    @Test
    void dedicatedTenantLandsInItsSchemaAndIsOffboardedOnlyWhenConfirmed() throws Exception {
        String project = dir.toString();
        cairn("tenants", "add", "acme", "-p", project, "--tenancy", "dedicated", "--source", "pos");
        cairn("tenants", "add", "globex", "-p", project, "--source", "pos");
        drop("acme");
        drop("globex");
        CliTest.Run sync = cairn("sync", "-p", project);
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(sync.out().lines().filter(line -> line.startsWith("acme ")).findFirst().orElseThrow())
                .as("raw rows the dedicated tenant now holds (in acme_raw)").endsWith(" 2");

        CliTest.Run change = cairn("tenants", "add", "acme", "-p", project, "--tenancy", "shared");
        assertThat(change.exit()).isEqualTo(Main.USAGE);
        assertThat(change.err()).contains("Cannot change the tenancy of tenant acme", "cairn tenants move acme");

        CliTest.Run plan = cairn("tenants", "offboard", "acme", "-p", project);
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Would delete for tenant acme: 4 warehouse rows in 3 tables, 1 schemas",
                "acme_raw.pos__transactions", "acme_raw._dead_letter", "Nothing was deleted");
        assertThat(plan.out()).doesNotContain("globex");

        CliTest.Run wrong = cairn("tenants", "offboard", "acme", "-p", project, "--confirm", "globex");
        assertThat(wrong.exit()).isEqualTo(Main.USAGE);

        CliTest.Run done = cairn("tenants", "offboard", "acme", "-p", project, "--confirm", "acme");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("Deleted for tenant acme: 4 warehouse rows in 3 tables, 1 schemas");
        assertThat(dir.resolve("data/raw/acme")).doesNotExist();
        assertThat(cairn("tenants", "list", "-p", project).out()).doesNotContain("acme").contains("globex");
        assertThat(cairn("tenants", "offboard", "globex", "-p", project).out())
                .contains("Would delete for tenant globex: 4 warehouse rows in 3 tables, 0 schemas");
    }

    @Test
    void moveCopiesBuildsVerifiesAndDeletesTheOldCopy() throws Exception {
        String project = dir.toString();
        cairn("tenants", "add", "globex", "-p", project, "--source", "pos");
        drop("globex");
        assertThat(cairn("sync", "-p", project).exit()).isZero();

        CliTest.Run move = cairn("tenants", "move", "globex", "-p", project, "--to", "dedicated");

        assertThat(move.exit()).as(move.err()).isZero();
        assertThat(move.out()).contains("Copied 4 raw rows of globex from the shared layout",
                "verified 9 marts row by row", "Tenancy of globex is now dedicated.", "Deleted the old shared copy");
        assertThat(cairn("tenants", "list", "-p", project).out()).contains("dedicated");
        assertThat(cairn("tenants", "move", "globex", "-p", project, "--to", "dedicated").out())
                .contains("Tenant globex is already dedicated.", "No copy left in the shared layout.");

        CliTest.Run build = cairn("build", "-p", project);
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.out()).as("the shared set, then the dedicated tenant's")
                .contains("Running build on project cairn_models", "for dedicated tenant globex (schemas globex_*)");

        CliTest.Run query = cairn("query", "-p", project, "--tenant", "globex", "SELECT tenant_id, count(*) > 0 AS "
                + "has_days FROM marts.fct_sales_by_day GROUP BY tenant_id");
        assertThat(query.exit()).as(query.err()).isZero();
        assertThat(query.out()).as("the published copy of the dedicated tenant is made from globex_marts")
                .contains("globex", "true", "(1 row)");
    }

    /** A completed POS sale of 10.00 USD with one line, as the generator writes them. */
    private static String transaction(String id) {
        return "{\"transaction_id\":\"" + id + "\",\"updated_at\":\"2024-01-01T10:00:00Z\",\"occurred_at\":"
                + "\"2024-01-01T10:00:00Z\",\"store_id\":\"s1\",\"store_name\":\"Main\",\"register_id\":\"r1\","
                + "\"currency\":\"USD\",\"status\":\"completed\",\"subtotal\":\"10.00\",\"discount_total\":\"0.00\","
                + "\"tax_total\":\"0.00\",\"total\":\"10.00\",\"payment_method\":\"card\",\"items\":[{\"sku\":\"A-1\","
                + "\"name\":\"Mug\",\"quantity\":1,\"unit_price\":\"10.00\",\"discount\":\"0.00\",\"tax\":\"0.00\"}]}\n";
    }

    private void drop(String tenant) throws Exception {
        Path inbox = dir.resolve("data/inbox/" + tenant + "/pos/transactions");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("t.jsonl"), transaction("t1") + transaction("t2") + "not json\n");
        Files.writeString(inbox.resolve("_SUCCESS"), "");
    }
}
