package io.cairn.core.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.cairn.core.model.artifacts.RunResultsWriter;
import io.cairn.core.model.artifacts.SavedState;
import io.cairn.core.model.compile.Compiler;
import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.DagExecutor;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.graph.Selector;
import io.cairn.core.model.materialize.TenantGuard;
import io.cairn.core.model.project.Project;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

/** One command over one selection: picks the nodes, prepares schemas and drives the parallel executor. */
final class Execution {
    private final Project project;
    private final Warehouse warehouse;
    private final Dag dag;
    private final Compiler compiler;
    private final RunOptions run;
    private final NodeRunner runner;

    Execution(Project project, Warehouse warehouse, Dag dag, Compiler compiler, TenantGuard guard, RunOptions run) {
        this.project = project;
        this.warehouse = warehouse;
        this.dag = dag;
        this.compiler = compiler;
        this.run = run;
        this.runner = new NodeRunner(warehouse, compiler, guard, project.dir(), run.fullRefresh(), run.clock());
    }

    static Selector selector(Dag dag, RunOptions run) {
        SavedState state = run.state() == null ? null : SavedState.read(run.state());
        return new Selector(dag, node -> {
            if (state == null) {
                throw new CairnException(ErrorCode.BAD_INPUT,
                        "Cannot select nodes: state:modified needs --state pointing at a previous target folder");
            }
            return state.modified(node);
        });
    }

    RunResult run(Command command, Selection selection) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Set<String> chosen = executable(command, selector(dag, run).select(selection.select(), selection.exclude()));
        List<NodeResult> results = Collections.synchronizedList(new ArrayList<>());
        if (command == Command.COMPILE) {
            chosen.forEach(id -> results.add(compileOnly(dag.node(id))));
        }
        else {
            createSchemas(chosen);
            DagExecutor executor = new DagExecutor(dag, chosen, command == Command.BUILD ? testGates() : Map.of());
            executor.execute(run.threads(), new DagExecutor.Task() {
                @Override
                public boolean run(String id) {
                    NodeResult result = report(runner.run(dag.node(id)), results);
                    return !result.status().isFailure();
                }

                @Override
                public void skip(String id, String cause) {
                    report(runner.skipped(dag.node(id), dag.node(cause)), results);
                }
            });
        }
        return new RunResult(command.key(), results, started, (System.nanoTime() - t0) / 1e9,
                UUID.randomUUID().toString());
    }

    private NodeResult report(NodeResult result, List<NodeResult> results) {
        results.add(result);
        if (run.listener() != null) {
            synchronized (this) {
                run.listener().accept(result);
            }
        }
        return result;
    }

    private Set<String> executable(Command command, Set<String> selected) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : selected) {
            Node node = dag.node(id);
            boolean runnable = command.types().contains(node.type()) && !node.isEphemeral()
                    && (node.type() != ResourceType.SOURCE || node.source().freshness() != null);
            if (runnable) {
                out.add(id);
            }
        }
        return out;
    }

    /** In a build, a model waits for the tests of its parents, so a failing test skips what is built on it. */
    private Map<String, Set<String>> testGates() {
        Map<String, Set<String>> extra = new HashMap<>();
        for (Node test : dag.nodes().values()) {
            if (test.type() != ResourceType.TEST || test.dependsOn().size() != 1) {
                continue;
            }
            for (String child : dag.children(test.dependsOn().get(0))) {
                if (dag.node(child).type() != ResourceType.TEST) {
                    extra.computeIfAbsent(child, k -> new LinkedHashSet<>()).add(test.uniqueId());
                }
            }
        }
        return extra;
    }

    private void createSchemas(Set<String> chosen) {
        Set<String> schemas = new TreeSet<>();
        for (String id : chosen) {
            Node node = dag.node(id);
            if (node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED) {
                schemas.add(node.schema());
            }
        }
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("create schema if not exists " + warehouse.dialect().quote(schema));
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot create schemas %s: %s", schemas, e.getMessage());
        }
    }

    private NodeResult compileOnly(Node node) {
        Instant start = Instant.now();
        try {
            String sql = compiler.compile(node, false);
            return new NodeResult(node.uniqueId(), node.type().key(), node.name(), node.displayRelation(),
                    node.materialized(), NodeStatus.SUCCESS, "compiled", start, Instant.now(), -1, 0, sql, "main");
        }
        catch (CairnException e) {
            return new NodeResult(node.uniqueId(), node.type().key(), node.name(), node.displayRelation(),
                    node.materialized(), NodeStatus.ERROR, e.getMessage(), start, Instant.now(), -1, 0, null, "main");
        }
    }

    void writeRunResults(RunResult result, Path targetDir) {
        RunResultsWriter.write(targetDir, project.name(), result);
    }
}
