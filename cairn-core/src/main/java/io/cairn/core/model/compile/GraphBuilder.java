package io.cairn.core.model.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.project.NodeConfig;
import io.cairn.core.model.project.Project;
import io.cairn.core.model.project.ResourceProperties;
import io.cairn.core.model.project.SourceTable;
import io.cairn.core.model.project.SqlFile;
import io.cairn.core.model.render.RefCall;
import io.cairn.core.model.render.Relation;
import io.cairn.core.model.render.RenderSession;
import io.cairn.core.model.render.Renderer;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Dialect;

/**
 * Parses a loaded project into graph nodes: renders each model once to learn its config and parents, names its
 * schema, adds seeds, sources and tests, and checks the graph for missing refs and cycles. Models are rendered
 * parents first ({@link ParseOrder}), so their refs resolve to real relations; a render that did not depend on
 * anything compiling binds differently is kept ({@link #parsedSql()}) and compiling uses it instead of rendering
 * the node again.
 */
public final class GraphBuilder {
    private final Project project;
    private final Renderer renderer;
    private final SchemaNamer schemas;
    private final ParseResolver resolver;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<RefCall>> calls = new LinkedHashMap<>();
    private final Map<String, ParsedSql> parsedSql = new HashMap<>();

    public GraphBuilder(Project project, Renderer renderer, String targetSchema, Dialect dialect) {
        this.project = project;
        this.renderer = renderer;
        this.schemas = new SchemaNamer(renderer, targetSchema);
        this.resolver = new ParseResolver(project.name(), dialect);
    }

    public Dag build() {
        project.seeds().forEach(this::addSeed);
        List<Node> sources = project.sources().stream().map(this::sourceNode).toList();
        sources.forEach(resolver::add);
        Map<SqlFile, Node> models = new IdentityHashMap<>();
        for (SqlFile file : ParseOrder.of(project.models())) {
            Node model = parseModel(file);
            if (model != null) {
                models.put(file, model);
                resolver.add(model);
            }
        }
        project.models().stream().filter(models::containsKey).forEach(file -> addNode(models.get(file)));
        for (Node source : sources) {
            nodes.put(source.uniqueId(), source);
            calls.put(source.uniqueId(), List.of());
        }
        TestNodes tests = new TestNodes(project, renderer, resolver, schemas.schemaFor("dbt_test__audit", "audit",
                "test", "", List.of()));
        for (TestNodes.Parsed test : tests.all(nodes)) {
            nodes.put(test.node().uniqueId(), test.node());
            calls.put(test.node().uniqueId(), test.calls());
            keepIfReusable(test.node(), test.sql(), test.session());
        }
        return new Dag(resolveParents());
    }

    /** The parse-time renders compiling can use, by unique id. */
    public Map<String, ParsedSql> parsedSql() {
        return parsedSql;
    }

    /** Renders a model file; null when its config disables it. */
    private Node parseModel(SqlFile file) {
        String id = "model." + project.name() + "." + file.name();
        ResourceProperties props = project.modelProperties().get(file.name());
        NodeConfig config = new NodeConfig(project.config().folderConfig(project.config().models(), file.folders()))
                .with(props == null ? Map.of() : props.config());
        RenderSession session = new RenderSession("model " + file.name(), file.path(), resolver, false);
        Relation self = Relation.cte("__cairn_ref__" + file.name());
        String sql = renderer.render(file.text(), session, Map.of("this", self, "execute", false));
        config = config.with(session.config());
        if (!config.enabled()) {
            return null;
        }
        List<String> fqn = fqn(file);
        String schema = schemas.schemaFor(config.schema().orElse(null), file.name(), "model", file.path(), fqn);
        Node node = new Node(id, ResourceType.MODEL, file.name(), file.path(), fqn, file.text(), config, List.of(),
                Map.of(), schema, config.alias().orElse(file.name()), null, null, null);
        calls.put(id, session.calls());
        keepIfReusable(node, sql, session);
        return node;
    }

    private void addNode(Node model) {
        Node earlier = nodes.getOrDefault(model.uniqueId(), nodes.get("seed." + project.name() + "." + model.name()));
        if (earlier != null) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot parse model %s: %s: the name is already used by %s",
                    model.name(), model.path(), earlier.path());
        }
        nodes.put(model.uniqueId(), model);
    }

    private void keepIfReusable(Node node, String sql, RenderSession session) {
        if (session.reusable()) {
            parsedSql.put(node.uniqueId(), new ParsedSql(sql, session.calls(), session.askedIncremental()));
        }
    }

    private void addSeed(SqlFile file) {
        String id = "seed." + project.name() + "." + file.name();
        ResourceProperties props = project.seedProperties().get(file.name());
        NodeConfig config = new NodeConfig(project.config().folderConfig(project.config().seeds(), file.folders()))
                .with(props == null ? Map.of() : props.config());
        List<String> fqn = fqn(file);
        String schema = schemas.schemaFor(config.schema().orElse(null), file.name(), "seed", file.path(), fqn);
        Node node = new Node(id, ResourceType.SEED, file.name(), file.path(), fqn, "", config, List.of(), Map.of(),
                schema, config.alias().orElse(file.name()), null, null, null);
        nodes.put(id, node);
        calls.put(id, List.of());
        resolver.add(node);
    }

    private Node sourceNode(SourceTable table) {
        String id = "source." + project.name() + "." + table.sourceName() + "." + table.name();
        return new Node(id, ResourceType.SOURCE, table.name(), table.file(),
                List.of(project.name(), table.sourceName(), table.name()), "", NodeConfig.empty(), List.of(),
                Map.of(), sourceSchema(table), table.identifier(), null, null, table);
    }

    /** Like dbt, a source's schema may be Jinja, e.g. {@code "{{ var('raw_schema', 'raw') }}"}. */
    private String sourceSchema(SourceTable table) {
        if (table.schema() == null || !table.schema().contains("{")) {
            return table.schema();
        }
        RenderSession session = new RenderSession("schema of source " + table.sourceName(), table.file(),
                resolver, false);
        return renderer.render(table.schema(), session, Map.of()).trim();
    }

    private List<String> fqn(SqlFile file) {
        List<String> fqn = new ArrayList<>();
        fqn.add(project.name());
        fqn.addAll(file.folders());
        fqn.add(file.name());
        return fqn;
    }

    private List<Node> resolveParents() {
        NameIndex index = new NameIndex(project.name(), nodes.values());
        List<Node> out = new ArrayList<>();
        for (Node node : nodes.values()) {
            List<String> parents = new ArrayList<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (RefCall call : calls.get(node.uniqueId())) {
                String parent = index.find(call, node);
                if (!parents.contains(parent)) {
                    parents.add(parent);
                    lines.put(parent, call.line());
                }
            }
            out.add(new Node(node.uniqueId(), node.type(), node.name(), node.path(), node.fqn(), node.rawCode(),
                    node.config(), parents, lines, node.schema(), node.identifier(), node.test(), node.testedNode(),
                    node.source()));
        }
        return out;
    }
}
