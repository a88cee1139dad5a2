package io.cairn.core.model.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * dbt's node selection: space-separated terms are unioned, comma-separated parts intersected; each part is
 * {@code [n+]method:value[+n]} with methods {@code name} (default, {@code *} wildcards), {@code tag}, {@code path},
 * {@code source}, {@code resource_type}, {@code config.materialized} and {@code state:modified}. Tests attached to a
 * selected node are selected too (dbt's eager indirect selection).
 */
public final class Selector {
    private static final Pattern PART = Pattern.compile("^(?:(\\d*)\\+)?(.+?)(?:\\+(\\d*))?$");

    private final Dag dag;
    private final Predicate<Node> modified;

    /** {@code modified} answers {@code state:modified}; it is only called when a selector uses it. */
    public Selector(Dag dag, Predicate<Node> modified) {
        this.dag = dag;
        this.modified = modified;
    }

    /** The nodes picked by {@code select} (every node when empty) minus those picked by {@code exclude}. */
    public Set<String> select(List<String> select, List<String> exclude) {
        Set<String> chosen = select.isEmpty() ? new LinkedHashSet<>(dag.nodes().keySet()) : withTests(union(select));
        chosen.removeAll(withTests(union(exclude)));
        return chosen;
    }

    private Set<String> union(List<String> expressions) {
        Set<String> out = new LinkedHashSet<>();
        for (String expression : expressions) {
            for (String term : expression.trim().split("\\s+")) {
                if (!term.isEmpty()) {
                    out.addAll(intersection(term));
                }
            }
        }
        return out;
    }

    private Set<String> intersection(String term) {
        Set<String> out = null;
        for (String part : term.split(",")) {
            Set<String> picked = part(part);
            if (out == null) {
                out = picked;
            }
            else {
                out.retainAll(picked);
            }
        }
        return out;
    }

    private Set<String> part(String part) {
        Matcher m = PART.matcher(part);
        if (!m.matches()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot select nodes: '%s' is not a selector", part);
        }
        Set<String> base = new LinkedHashSet<>();
        for (Node node : dag.nodes().values()) {
            if (matches(node, m.group(2))) {
                base.add(node.uniqueId());
            }
        }
        Set<String> out = new LinkedHashSet<>(base);
        for (String id : base) {
            if (m.group(1) != null) {
                out.addAll(dag.reach(id, true, depth(m.group(1))));
            }
            if (m.group(3) != null) {
                out.addAll(dag.reach(id, false, depth(m.group(3))));
            }
        }
        return out;
    }

    private static int depth(String digits) {
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    private boolean matches(Node node, String selector) {
        int colon = selector.indexOf(':');
        String method = colon < 0 ? "name" : selector.substring(0, colon);
        String value = colon < 0 ? selector : selector.substring(colon + 1);
        return switch (method) {
            case "name", "fqn" -> node.type() != ResourceType.SOURCE && glob(value, node.name());
            case "tag" -> node.config().tags().contains(value);
            case "path", "file" -> pathMatches(node, value);
            case "source" -> node.type() == ResourceType.SOURCE && sourceMatches(node, value);
            case "resource_type" -> node.type().key().equals(value);
            case "config.materialized" -> node.type() == ResourceType.MODEL && node.materialized().equals(value);
            case "state" -> stateMatches(node, value);
            default -> throw new CairnException(ErrorCode.BAD_INPUT,
                    "Cannot select nodes: selector method '%s' in '%s' is not supported", method, selector);
        };
    }

    private static boolean glob(String pattern, String name) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return pattern.equals(name);
        }
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return name.matches(regex);
    }

    private static boolean pathMatches(Node node, String value) {
        String prefix = value.replace('\\', '/').replaceAll("/+$", "");
        return node.path().equals(prefix) || node.path().startsWith(prefix + "/");
    }

    private static boolean sourceMatches(Node node, String value) {
        String full = node.source().sourceName() + "." + node.source().name();
        return glob(value, node.source().sourceName()) || glob(value, full);
    }

    private boolean stateMatches(Node node, String value) {
        if (!value.equals("modified") && !value.equals("new")) {
            throw new CairnException(ErrorCode.BAD_INPUT,
                    "Cannot select nodes: only state:modified and state:new are supported, found state:%s", value);
        }
        return node.type() != ResourceType.SOURCE && modified.test(node);
    }

    private Set<String> withTests(Set<String> ids) {
        Set<String> out = new LinkedHashSet<>(ids);
        for (String id : ids) {
            for (String child : dag.children(id)) {
                if (dag.node(child).type() == ResourceType.TEST) {
                    out.add(child);
                }
            }
        }
        return out;
    }
}
