package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.ScopedTenantData;
import io.cairn.spi.TenantId;

/**
 * {@code cairn query --tenant T "SQL"}: one read-only statement over a tenant's own data, through the same
 * tenant-scoped access the API uses, printed as a table.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run one read-only SQL statement over a tenant's own data (marts, ops.dq_results).")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = {"-t", "--tenant"}, required = true, description = "The tenant whose data the SQL reads.")
    String tenant;

    @Option(names = "--max-rows", defaultValue = "100", description = "Print at most this many rows (default: 100).")
    int maxRows;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Stop the statement after this many seconds (default: 30).")
    long timeoutSeconds;

    @Parameters(index = "0", paramLabel = "SQL", description = "One SELECT, WITH, VALUES, TABLE or FROM statement.")
    String sql;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectContext context = project.open()) {
            ResultPage page = new ScopedTenantData(context.warehouse(), context.controlPlane())
                    .query(TenantId.of(tenant), sql, Duration.ofSeconds(timeoutSeconds), maxRows);
            TextTable table = new TextTable(page.columns().toArray(String[]::new));
            for (List<Object> row : page.rows()) {
                table.row(row.toArray());
            }
            table.print(out);
            out.println(page.hasMore() ? "(first " + page.rows().size() + " rows; more exist, raise --max-rows)"
                    : "(" + page.rows().size() + " row" + (page.rows().size() == 1 ? ")" : "s)"));
            return Main.OK;
        }
    }
}
