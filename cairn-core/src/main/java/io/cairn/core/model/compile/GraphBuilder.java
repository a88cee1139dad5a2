package io.cairn.core.model.compile;

import java.util.ArrayList;
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
import io.cairn.core.model.render.RenderSession;
import io.cairn.core.model.render.Renderer;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Parses a loaded project into graph nodes: renders each model once (with placeholder refs) to learn its config
 * and parents, names its schema, adds seeds, sources and tests, and checks the graph for missing refs and cycles.
 */
public final class GraphBuilder {
    private final Project project;
    private final Renderer renderer;
    private final SchemaNamer schemas;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<RefCall>> calls = new LinkedHashMap<>();

    public GraphBuilder(Project project, Renderer renderer, String targetSchema) {
        this.project = project;
        this.renderer = renderer;
        this.schemas = new SchemaNamer(renderer, targetSchema);
    }

    public Dag build() {
        project.seeds().forEach(this::addSeed);
        project.models().forEach(this::addModel);
        project.sources().forEach(this::addSource);
        TestNodes tests = new TestNodes(project, renderer, schemas.schemaFor("dbt_test__audit", "audit", "test",
                "", List.of()));
        for (TestNodes.Parsed test : tests.all(nodes)) {
            nodes.put(test.node().uniqueId(), test.node());
            calls.put(test.node().uniqueId(), test.calls());
        }
        return new Dag(resolveParents());
    }

    private void addModel(SqlFile file) {
        String id = "model." + project.name() + "." + file.name();
        if (nodes.containsKey(id) || nodes.containsKey("seed." + project.name() + "." + file.name())) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot parse model %s: %s: the name is already used by %s",
                    file.name(), file.path(), nodes.getOrDefault(id, nodes.get("seed." + project.name() + "."
                            + file.name())).path());
        }
        ResourceProperties props = project.modelProperties().get(file.name());
        NodeConfig config = new NodeConfig(project.config().folderConfig(project.config().models(), file.folders()))
                .with(props == null ? Map.of() : props.config());
        RenderSession session = new RenderSession("model " + file.name(), file.path(), ParseResolver.INSTANCE, false);
        renderer.render(file.text(), session, Map.of("this", ParseResolver.INSTANCE.resolve(
                new RefCall(false, null, file.name(), 0), session), "execute", false));
        config = config.with(session.config());
        if (!config.enabled()) {
            return;
        }
        List<String> fqn = fqn(file);
        String schema = schemas.schemaFor(config.schema().orElse(null), file.name(), "model", file.path(), fqn);
        nodes.put(id, new Node(id, ResourceType.MODEL, file.name(), file.path(), fqn, file.text(), config, List.of(),
                Map.of(), schema, config.alias().orElse(file.name()), null, null, null));
        calls.put(id, session.calls());
    }

    private void addSeed(SqlFile file) {
        String id = "seed." + project.name() + "." + file.name();
        ResourceProperties props = project.seedProperties().get(file.name());
        NodeConfig config = new NodeConfig(project.config().folderConfig(project.config().seeds(), file.folders()))
                .with(props == null ? Map.of() : props.config());
        List<String> fqn = fqn(file);
        String schema = schemas.schemaFor(config.schema().orElse(null), file.name(), "seed", file.path(), fqn);
        nodes.put(id, new Node(id, ResourceType.SEED, file.name(), file.path(), fqn, "", config, List.of(), Map.of(),
                schema, config.alias().orElse(file.name()), null, null, null));
        calls.put(id, List.of());
    }

    private void addSource(SourceTable table) {
        String id = "source." + project.name() + "." + table.sourceName() + "." + table.name();
        nodes.put(id, new Node(id, ResourceType.SOURCE, table.name(), table.file(),
                List.of(project.name(), table.sourceName(), table.name()), "", NodeConfig.empty(), List.of(),
                Map.of(), sourceSchema(table), table.identifier(), null, null, table));
        calls.put(id, List.of());
    }

    /** Like dbt, a source's schema may be Jinja, e.g. {@code "{{ var('raw_schema', 'raw') }}"}. */
    private String sourceSchema(SourceTable table) {
        if (table.schema() == null || !table.schema().contains("{")) {
            return table.schema();
        }
        RenderSession session = new RenderSession("schema of source " + table.sourceName(), table.file(),
                ParseResolver.INSTANCE, false);
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
