package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.Command;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.NodeResult;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.ResultFormatter;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunRecorder;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;
import io.cairn.models.BundledProject;
import io.cairn.models.DataQuality;
import io.cairn.models.DataQualityReport;
import io.cairn.models.DqResult;
import io.cairn.models.DqResultsTable;
import io.cairn.models.DqStatus;
import io.cairn.models.PlatformInputs;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * The demo's model step: builds the bundled retail and finance package over what landed, then prints per tenant a
 * few rows of {@code fct_sales_by_day} and {@code fct_expenses_by_month}, their totals against the generator's
 * ground truth, and the data-quality summary recorded in {@code ops.dq_results}.
 */
final class DemoMarts {
    private static final int QUALITY_LINES = 8;

    private final ProjectContext context;
    private final PrintWriter out;

    DemoMarts(ProjectContext context, PrintWriter out) {
        this.context = context;
        this.out = out;
    }

    /** Builds the package; returns the build's exit code (1 when a model or an error-severity test failed). */
    int buildAndShow(Path truthDir, int threads) {
        Path project = BundledProject.extractTo(ModelOptions.bundledDir(context.config()));
        PlatformInputs.writeTenantDirectory(context.warehouse(), context.controlPlane().tenants().list());
        EngineOptions options = EngineOptions.defaults(context.warehouse())
                .withVars(PlatformInputs.absentStreamVars(project, context.warehouse()));
        ModelEngine engine = ModelEngine.load(project, options);
        RunRecorder recorder = RunRecorder.start(context.controlPlane(), Command.BUILD, null);
        RunResult result = engine.build(Selection.all(),
                RunOptions.defaults().withThreads(threads).withTargetDir(project.resolve("target")));
        recorder.finish(result);
        DataQualityReport quality = new DataQuality(context.warehouse(), Clock.systemUTC())
                .record(engine, result, recorder.runId());
        out.printf("5. Built the bundled model package: %s%n", ResultFormatter.summary(result).strip());
        for (NodeResult node : result.results()) {
            if (node.status().isFailure() || node.status() == NodeStatus.WARN) {
                out.printf("   %s %s: %s%n", node.status().key().toUpperCase(Locale.ROOT), node.name(),
                        firstLine(node.message()));
            }
        }
        out.printf("   Data quality: %d checks recorded in %s (run %s): %d pass, %d warn, %d fail%n",
                quality.results().size(), DqResultsTable.TABLE, quality.runId(), quality.count(DqStatus.PASS),
                quality.count(DqStatus.WARN), quality.count(DqStatus.FAIL));
        Map<String, DataQualityReport.TenantSummary> summaries = quality.byTenant();
        if (summaries.containsKey(null)) {
            showQuality("platform-wide", summaries.get(null));
        }
        for (Tenant tenant : context.controlPlane().tenants().list()) {
            showTenant(tenant, readTruth(truthDir.resolve(tenant.id() + ".json")));
            DataQualityReport.TenantSummary summary = summaries.get(tenant.id().value());
            if (summary != null) {
                showQuality("data quality", summary);
            }
        }
        out.flush();
        return result.exitCode();
    }

    private void showTenant(Tenant tenant, JsonNode truth) {
        out.printf("%n%s (%s, reporting in %s)%n", tenant.id(), tenant.timezone(), tenant.currency());
        TextTable sales = new TextTable("sales_date", "source", "currency", "orders", "units", "gross", "discounts",
                "refunds", "taxes", "net");
        query("SELECT sales_date, source_system, currency, orders, units, gross, discounts, refunds, taxes, net "
                + "FROM marts.fct_sales_by_day WHERE tenant_id = ? ORDER BY sales_date DESC, net DESC LIMIT 4",
                tenant, sales, 10);
        sales.print(out);
        TextTable expenses = new TextTable("month", "account", "amount");
        query("SELECT month, account_name, amount FROM marts.fct_expenses_by_month WHERE tenant_id = ? "
                + "ORDER BY month DESC, amount DESC LIMIT 3", tenant, expenses, 3);
        expenses.print(out);
        BigDecimal net = scalar("SELECT coalesce(sum(net), 0) FROM marts.fct_sales_by_day WHERE tenant_id = ?", tenant);
        BigDecimal spent = scalar("SELECT coalesce(sum(amount), 0) FROM marts.fct_expenses_by_month "
                + "WHERE tenant_id = ?", tenant);
        BigDecimal truthNet = sum(truth.path("sales_by_day"), "net");
        BigDecimal truthSpent = sum(truth.path("expenses_by_month"), "amount");
        out.printf("   net sales %s (ground truth %s: %s), expenses %s (ground truth %s: %s)%n", net, truthNet,
                net.compareTo(truthNet) == 0 ? "equal" : "DIFFERENT", spent, truthSpent,
                spent.compareTo(truthSpent) == 0 ? "equal" : "DIFFERENT");
    }

    /** Counts per status, then the failing and warning checks (at most a few lines) with observed vs threshold. */
    private void showQuality(String title, DataQualityReport.TenantSummary summary) {
        out.printf("   %s: %d pass, %d warn, %d fail%n", title, summary.passed(), summary.warned(), summary.failed());
        List<DqResult> problems = summary.problems();
        for (DqResult problem : problems.subList(0, Math.min(QUALITY_LINES, problems.size()))) {
            out.printf("     %s %s %s: %s (%s)%n", problem.status().key().toUpperCase(Locale.ROOT),
                    problem.checkName(), problem.model(), problem.observedVsThreshold(), firstLine(problem.details()));
        }
        if (problems.size() > QUALITY_LINES) {
            out.printf("     ... and %d more in %s%n", problems.size() - QUALITY_LINES, DqResultsTable.TABLE);
        }
    }

    private void query(String sql, Tenant tenant, TextTable table, int columns) {
        try (Connection connection = context.warehouse().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.id().value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] cells = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        cells[i] = rows.getString(i + 1);
                    }
                    table.row(cells);
                }
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot read the marts of tenant %s: %s", tenant.id(),
                    e.getMessage());
        }
    }

    private BigDecimal scalar(String sql, Tenant tenant) {
        try (Connection connection = context.warehouse().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.id().value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot total the marts of tenant %s: %s", tenant.id(),
                    e.getMessage());
        }
    }

    private static BigDecimal sum(JsonNode rows, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            total = total.add(new BigDecimal(row.path(field).asText("0")));
        }
        return total;
    }

    private static JsonNode readTruth(Path file) {
        try {
            return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot read the ground truth %s: %s", file, e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
