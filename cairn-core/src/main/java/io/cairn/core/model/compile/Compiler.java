package io.cairn.core.model.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.project.Project;
import io.cairn.core.model.render.RefCall;
import io.cairn.core.model.render.RefResolver;
import io.cairn.core.model.render.Relation;
import io.cairn.core.model.render.RenderSession;
import io.cairn.core.model.render.Renderer;
import io.cairn.spi.warehouse.Dialect;

/**
 * Compiles nodes to executable SQL: renders with real relations, then inlines the ephemeral models the node
 * refers to (transitively) as CTEs named {@code __cairn_ephemeral__<name>}. A node whose parse-time render is
 * known to be what this render would give ({@link ParsedSql}) is not rendered again.
 */
public final class Compiler {
    public static final String EPHEMERAL_PREFIX = "__cairn_ephemeral__";
    private static final Pattern LEADING_WITH = Pattern.compile(
            "^(\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*)with\\s", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Dag dag;
    private final Renderer renderer;
    private final Dialect dialect;
    private final NameIndex index;
    private final Map<String, String> lastCompiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ParsedSql> parsed;

    /** A compiler that renders every node. */
    public Compiler(Project project, Dag dag, Renderer renderer, Dialect dialect) {
        this(project, dag, renderer, dialect, Map.of());
    }

    /** A compiler that uses the reusable parse-time renders of {@link GraphBuilder#parsedSql()}. */
    public Compiler(Project project, Dag dag, Renderer renderer, Dialect dialect, Map<String, ParsedSql> parsed) {
        this.parsed = Map.copyOf(parsed);
        this.dag = dag;
        this.renderer = renderer;
        this.dialect = dialect;
        this.index = new NameIndex(project.name(), dag.nodes().values());
    }

    /** The node's SQL, rendered with {@code is_incremental()} answering {@code incremental}. */
    public String compile(Node node, boolean incremental) {
        Map<String, String> ctes = new LinkedHashMap<>();
        String sql = render(node, incremental, ctes);
        String compiled = ctes.isEmpty() ? sql : inline(sql, ctes);
        lastCompiled.put(node.uniqueId(), compiled);
        return compiled;
    }

    /** The SQL most recently compiled for a node, if any. */
    public java.util.Optional<String> lastCompiled(String uniqueId) {
        return java.util.Optional.ofNullable(lastCompiled.get(uniqueId));
    }

    public Relation relation(Node node) {
        return relation(node, dialect);
    }

    /** What {@code ref} of the node renders as. */
    static Relation relation(Node node, Dialect dialect) {
        return node.isEphemeral() ? Relation.cte(EPHEMERAL_PREFIX + node.name())
                : Relation.of(dialect, node.schema(), node.identifier());
    }

    private String render(Node node, boolean incremental, Map<String, String> ctes) {
        List<Node> ephemerals = new ArrayList<>();
        ParsedSql done = parsed.get(node.uniqueId());
        String sql;
        if (done != null && done.validFor(incremental)) {
            done.calls().forEach(call -> resolve(call, ephemerals));
            sql = done.sql();
        }
        else {
            RefResolver resolver = (call, session) -> resolve(call, ephemerals);
            RenderSession session = new RenderSession(node.type().key() + " " + node.name(), node.path(), resolver,
                    incremental);
            sql = renderer.render(node.rawCode(), session, Map.of("this", relation(node), "execute", true));
        }
        for (Node ephemeral : ephemerals) {
            String name = EPHEMERAL_PREFIX + ephemeral.name();
            if (!ctes.containsKey(name)) {
                String body = render(ephemeral, false, ctes);
                ctes.put(name, body);
            }
        }
        return sql;
    }

    private Relation resolve(RefCall call, List<Node> ephemerals) {
        Node target = index.node(call);
        if (target == null) {
            return Relation.cte("__cairn_missing__" + call.second());
        }
        if (target.isEphemeral()) {
            ephemerals.add(target);
        }
        return relation(target);
    }

    private static String inline(String sql, Map<String, String> ctes) {
        StringBuilder with = new StringBuilder("with ");
        ctes.forEach((name, body) -> with.append(name).append(" as (\n").append(strip(body)).append("\n), "));
        Matcher m = LEADING_WITH.matcher(sql);
        if (m.find()) {
            return m.group(1) + with + sql.substring(m.end());
        }
        return with.substring(0, with.length() - 2) + "\n" + sql;
    }

    private static String strip(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    public Dag dag() {
        return dag;
    }
}
