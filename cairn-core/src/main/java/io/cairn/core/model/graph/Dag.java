package io.cairn.core.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** The dependency graph of a project: parents and children of every node, checked to be acyclic. */
public final class Dag {
    private final Map<String, Node> nodes;
    private final Map<String, Set<String>> parents = new LinkedHashMap<>();
    private final Map<String, Set<String>> children = new LinkedHashMap<>();

    public Dag(Collection<Node> nodes) {
        this.nodes = new LinkedHashMap<>();
        for (Node node : nodes) {
            this.nodes.put(node.uniqueId(), node);
            parents.put(node.uniqueId(), new LinkedHashSet<>());
            children.put(node.uniqueId(), new LinkedHashSet<>());
        }
        for (Node node : nodes) {
            for (String parent : node.dependsOn()) {
                if (this.nodes.containsKey(parent)) {
                    parents.get(node.uniqueId()).add(parent);
                    children.get(parent).add(node.uniqueId());
                }
            }
        }
        checkAcyclic();
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    public Set<String> parents(String id) {
        return parents.get(id);
    }

    public Set<String> children(String id) {
        return children.get(id);
    }

    /** Ancestors ({@code up}) or descendants of {@code id} within {@code depth} steps (negative: unbounded). */
    public Set<String> reach(String id, boolean up, int depth) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(id));
        for (int level = 0; (depth < 0 || level < depth) && !frontier.isEmpty(); level++) {
            Deque<String> next = new ArrayDeque<>();
            for (String current : frontier) {
                for (String other : up ? parents.get(current) : children.get(current)) {
                    if (seen.add(other)) {
                        next.add(other);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    private void checkAcyclic() {
        Map<String, Integer> state = new HashMap<>();
        for (String id : nodes.keySet()) {
            if (!state.containsKey(id)) {
                visit(id, state, new ArrayList<>());
            }
        }
    }

    private void visit(String id, Map<String, Integer> state, List<String> path) {
        state.put(id, 1);
        path.add(id);
        for (String parent : parents.get(id)) {
            Integer mark = state.get(parent);
            if (mark == null) {
                visit(parent, state, path);
            }
            else if (mark == 1) {
                throw cycle(path.subList(path.indexOf(parent), path.size()));
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    private CairnException cycle(List<String> loop) {
        List<String> ordered = new ArrayList<>(loop);
        java.util.Collections.reverse(ordered);
        StringBuilder names = new StringBuilder();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            Node node = nodes.get(ordered.get(i));
            Node next = nodes.get(ordered.get((i + 1) % ordered.size()));
            names.append(node.name()).append(" -> ");
            Integer line = next.refLines().get(node.uniqueId());
            where.append(String.format("%s%s line %s refs %s", i == 0 ? "" : "; ", next.path(),
                    line == null ? "?" : line.toString(), node.name()));
        }
        names.append(nodes.get(ordered.get(0)).name());
        return new CairnException(ErrorCode.CONFIG, "Cannot build graph: dependency cycle %s (%s)", names, where);
    }
}
