package io.cairn.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.model.artifacts.ManifestWriter;
import io.cairn.core.model.compile.Compiler;
import io.cairn.core.model.compile.GraphBuilder;
import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.materialize.TenantGuard;
import io.cairn.core.model.project.Project;
import io.cairn.core.model.project.ProjectLoader;
import io.cairn.core.model.render.RenderGlobals;
import io.cairn.core.model.render.Renderer;

/**
 * Runs a dbt-format project on a Cairn warehouse. {@link #load} reads, renders and checks the whole project
 * (missing refs, cycles and Jinja errors fail here); the commands then execute a selection of the graph.
 */
public final class ModelEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ModelEngine.class);

    private final Project project;
    private final EngineOptions options;
    private final Dag dag;
    private final Compiler compiler;
    private final TenantGuard guard;
    private final BuildSecuring securing;

    private ModelEngine(Project project, EngineOptions options, Dag dag, Compiler compiler, TenantGuard guard,
            BuildSecuring securing) {
        this.project = project;
        this.options = options;
        this.dag = dag;
        this.compiler = compiler;
        this.guard = guard;
        this.securing = securing;
    }

    /** Loads and parses the project in {@code projectDir}; throws {@code CairnException} naming file and line. */
    public static ModelEngine load(Path projectDir, EngineOptions options) {
        long start = System.nanoTime();
        Project project = ProjectLoader.load(projectDir);
        Map<String, Object> vars = ProjectLoader.vars(project.config(), options.vars());
        RenderGlobals globals = new RenderGlobals(vars, options.env(), options.targetName(), options.targetSchema(),
                options.warehouse().dialect());
        Renderer renderer = new Renderer(globals, project.macroFiles());
        GraphBuilder graph = new GraphBuilder(project, renderer, options.targetSchema(), options.warehouse().dialect());
        Dag dag = graph.build();
        Compiler compiler = new Compiler(project, dag, renderer, options.warehouse().dialect(), graph.parsedSql());
        LOG.info("Loaded project {}: {} nodes in {} ms", project.name(), dag.nodes().size(),
                (System.nanoTime() - start) / 1_000_000);
        return new ModelEngine(project, options, dag, compiler, TenantGuard.fromVars(vars),
                new BuildSecuring(options.warehouse(), project, dag, vars));
    }

    public RunResult build(Selection selection, RunOptions run) {
        return execute(Command.BUILD, selection, run);
    }

    public RunResult run(Selection selection, RunOptions run) {
        return execute(Command.RUN, selection, run);
    }

    public RunResult test(Selection selection, RunOptions run) {
        return execute(Command.TEST, selection, run);
    }

    public RunResult seed(Selection selection, RunOptions run) {
        return execute(Command.SEED, selection, run);
    }

    public RunResult freshness(Selection selection, RunOptions run) {
        return execute(Command.FRESHNESS, selection, run);
    }

    /** Compiles the selected models and tests without running them; each result carries its compiled SQL. */
    public RunResult compile(Selection selection, RunOptions run) {
        return execute(Command.COMPILE, selection, run);
    }

    /** The selected nodes (every resource type), in graph order. */
    public List<Node> ls(Selection selection, RunOptions run) {
        List<Node> out = new ArrayList<>();
        for (String id : Execution.selector(dag, run).select(selection.select(), selection.exclude())) {
            out.add(dag.node(id));
        }
        return out;
    }

    /**
     * Runs a command; results are also written to {@code target/run_results.json} and the manifest. A command that
     * builds relations (build, run, seed) ends by having the warehouse's tenant scope secure them
     * ({@link io.cairn.spi.warehouse.TenantScope#secureBuild}); a failure to secure them fails the command.
     */
    public RunResult execute(Command command, Selection selection, RunOptions run) {
        Execution execution = new Execution(project, options.warehouse(), dag, compiler, guard, run);
        RunResult result = execution.run(command, selection);
        writeManifest(run, result.invocationId());
        execution.writeRunResults(result, targetDir(run));
        securing.afterCommand(command);
        return result;
    }

    /** Writes {@code manifest.json} with the SQL compiled so far. */
    public void writeManifest(RunOptions run, String invocationId) {
        ManifestWriter.write(targetDir(run), project.name(), dag, id -> compiler.lastCompiled(id).orElse(null),
                invocationId, java.time.Instant.now());
    }

    public Path targetDir(RunOptions run) {
        return run.targetDir() != null ? run.targetDir() : project.dir().resolve("target");
    }

    public Project project() {
        return project;
    }

    public Dag dag() {
        return dag;
    }

    /** Compiles one node now (is_incremental() false), e.g. for {@code cairn compile --inline}-like previews. */
    public String compiledSql(String name) {
        Node node = dag.nodes().values().stream().filter(n -> n.name().equals(name) || n.uniqueId().equals(name))
                .findFirst().orElseThrow(() -> new io.cairn.spi.CairnException(io.cairn.spi.ErrorCode.NOT_FOUND,
                        "Cannot compile node %s: no node of that name in project %s", name, project.name()));
        return compiler.compile(node, false);
    }
}
