package io.cairn.core.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.cairn.core.model.compile.Compiler;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.materialize.BuildContext;
import io.cairn.core.model.materialize.IncrementalBuilder;
import io.cairn.core.model.materialize.SeedLoader;
import io.cairn.core.model.materialize.TableBuilder;
import io.cairn.core.model.materialize.TenantGuard;
import io.cairn.core.model.materialize.ViewBuilder;
import io.cairn.core.model.test.FreshnessChecker;
import io.cairn.core.model.test.TestOutcome;
import io.cairn.core.model.test.TestRunner;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

/** Executes one node on its own connection and reports the outcome; never throws for a node's own failure. */
final class NodeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

    private final Warehouse warehouse;
    private final Compiler compiler;
    private final TenantGuard guard;
    private final Path projectDir;
    private final boolean fullRefresh;
    private final Clock clock;

    NodeRunner(Warehouse warehouse, Compiler compiler, TenantGuard guard, Path projectDir, boolean fullRefresh,
            Clock clock) {
        this.warehouse = warehouse;
        this.compiler = compiler;
        this.guard = guard;
        this.projectDir = projectDir;
        this.fullRefresh = fullRefresh;
        this.clock = clock;
    }

    NodeResult run(Node node) {
        Instant start = Instant.now();
        MDC.put("model", node.name());
        try (Connection connection = warehouse.connect()) {
            BuildContext ctx = new BuildContext(node, connection, warehouse.dialect(), compiler, fullRefresh,
                    projectDir, guard);
            return execute(ctx, start);
        }
        catch (CairnException e) {
            LOG.debug("Node {} failed", node.uniqueId(), e);
            return result(node, NodeStatus.ERROR, e.getMessage(), start, -1, 0);
        }
        catch (SQLException | RuntimeException e) {
            LOG.warn("Node {} failed unexpectedly", node.uniqueId(), e);
            return result(node, NodeStatus.ERROR, "Cannot build " + node.type().key() + " " + node.name() + ": "
                    + node.path() + ": " + e, start, -1, 0);
        }
        finally {
            MDC.remove("model");
        }
    }

    private NodeResult execute(BuildContext ctx, Instant start) {
        Node node = ctx.node();
        switch (node.type()) {
            case SEED -> {
                long rows = SeedLoader.load(ctx);
                return result(node, NodeStatus.SUCCESS, "INSERT " + rows, start, rows, 0);
            }
            case MODEL -> {
                long rows = materialize(ctx);
                if (ctx.guarded() && !node.materialized().equals("table")) {
                    guard.check(ctx);
                }
                return result(node, NodeStatus.SUCCESS, success(node, rows), start, rows, 0);
            }
            case TEST -> {
                return outcome(node, TestRunner.run(ctx), start);
            }
            default -> {
                TestOutcome outcome = FreshnessChecker.check(ctx, clock.instant());
                NodeStatus status = outcome.status().equals("error") ? NodeStatus.ERROR
                        : outcome.status().equals("warn") ? NodeStatus.WARN : NodeStatus.PASS;
                return result(node, status, outcome.message(), start, -1, 0);
            }
        }
    }

    private static long materialize(BuildContext ctx) {
        String kind = ctx.node().materialized();
        return switch (kind) {
            case "view" -> ViewBuilder.build(ctx);
            case "table" -> TableBuilder.build(ctx);
            case "incremental" -> IncrementalBuilder.build(ctx);
            default -> throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot build model %s: %s: materialization "
                    + "'%s' is not supported (view, table, incremental, ephemeral)", ctx.node().name(),
                    ctx.node().path(), kind);
        };
    }

    private static String success(Node node, long rows) {
        return switch (node.materialized()) {
            case "view" -> "OK";
            case "incremental" -> "INSERT " + rows;
            default -> "SELECT " + rows;
        };
    }

    private NodeResult outcome(Node node, TestOutcome outcome, Instant start) {
        NodeStatus status = switch (outcome.status()) {
            case "pass" -> NodeStatus.PASS;
            case "warn" -> NodeStatus.WARN;
            default -> NodeStatus.FAIL;
        };
        return result(node, status, outcome.message(), start, -1, outcome.failures());
    }

    NodeResult skipped(Node node, Node cause) {
        Instant now = Instant.now();
        return new NodeResult(node.uniqueId(), node.type().key(), node.name(), node.displayRelation(),
                node.materialized(), NodeStatus.SKIPPED, "Skipped because " + cause.type().key() + " " + cause.name()
                + " did not succeed", now, now, -1, 0, null, Thread.currentThread().getName());
    }

    private NodeResult result(Node node, NodeStatus status, String message, Instant start, long rows, long failures) {
        return new NodeResult(node.uniqueId(), node.type().key(), node.name(), node.displayRelation(),
                node.materialized(), status, message, start, Instant.now(), rows, failures,
                compiler.lastCompiled(node.uniqueId()).orElse(null), Thread.currentThread().getName());
    }
}
