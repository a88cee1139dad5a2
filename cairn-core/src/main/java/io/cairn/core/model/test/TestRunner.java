package io.cairn.core.model.test;

import io.cairn.core.model.graph.Node;
import io.cairn.core.model.materialize.BuildContext;
import io.cairn.core.model.materialize.Sql;

/**
 * Runs a compiled test: its query returns the failing rows, so the count decides pass, or warn/fail by severity.
 * With {@code store_failures} the failing rows are kept in {@code <target_schema>_dbt_test__audit.<test_name>}.
 */
public final class TestRunner {
    private TestRunner() {}

    public static TestOutcome run(BuildContext ctx) {
        Node node = ctx.node();
        String sql = ctx.compiler().compile(node, false).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        long failures;
        if (node.config().storeFailures()) {
            Sql.execute(ctx.connection(), node, "create schema if not exists " + ctx.dialect().quote(node.schema()));
            Sql.executeAll(ctx.connection(), node, ctx.sql().replaceTable(ctx.target(), sql));
            failures = Sql.queryLong(ctx.connection(), node, "select count(*) from " + ctx.target(), -1);
        }
        else {
            failures = Sql.queryLong(ctx.connection(), node, "select count(*) from (\n" + sql + "\n) dbt_internal_test",
                    1);
        }
        if (failures == 0) {
            return new TestOutcome("pass", 0, "PASS");
        }
        String status = node.config().severity().equals("warn") ? "warn" : "fail";
        return new TestOutcome(status, failures, "Got " + failures + " result" + (failures == 1 ? "" : "s")
                + ", configured to " + status + " if != 0");
    }
}
