package io.cairn.core.model.compile;

import java.util.HashMap;
import java.util.Map;

import io.cairn.core.model.graph.Node;
import io.cairn.core.model.render.RefCall;
import io.cairn.core.model.render.RefResolver;
import io.cairn.core.model.render.Relation;
import io.cairn.core.model.render.RenderSession;
import io.cairn.spi.warehouse.Dialect;

/**
 * Resolves refs while parsing: to the real relation of a node parsed before (what compiling will resolve it to),
 * otherwise to a placeholder, marking the render as not reusable for compiling. Parsing only records the calls;
 * their relations matter for reusing the render as the compiled SQL.
 */
final class ParseResolver implements RefResolver {
    /** Placeholders for every ref, for renders that are never reused (schema names). */
    static final RefResolver PLACEHOLDERS = (call, session) -> placeholder(call, session);

    private final String project;
    private final Dialect dialect;
    private final Map<String, Relation> byName = new HashMap<>();
    private final Map<String, Relation> sources = new HashMap<>();

    ParseResolver(String project, Dialect dialect) {
        this.project = project;
        this.dialect = dialect;
    }

    /** Makes a parsed model, seed or source resolvable. */
    void add(Node node) {
        Relation relation = Compiler.relation(node, dialect);
        switch (node.type()) {
            case MODEL, SEED -> byName.put(node.name(), relation);
            case SOURCE -> sources.put(node.source().sourceName() + "." + node.source().name(), relation);
            case TEST -> { }
        }
    }

    @Override
    public Relation resolve(RefCall call, RenderSession session) {
        Relation relation;
        if (call.source()) {
            relation = sources.get(call.first() + "." + call.second());
        }
        else {
            relation = call.first() == null || call.first().equals(project) ? byName.get(call.second()) : null;
        }
        return relation != null ? relation : placeholder(call, session);
    }

    private static Relation placeholder(RefCall call, RenderSession session) {
        session.markPlaceholder();
        return Relation.cte("__cairn_ref__" + call.second());
    }
}
