package io.cairn.core.orchestrate;

import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the fences of a run into what a model build needs: the project var {@value #VAR} that the staging macro
 * applies where it reads raw tables (a fenced tenant's rows of that source system landed after the fence are left
 * out), and the models downstream of each fenced source, to record as skipped for that tenant.
 */
public final class Isolation {
    /** The project var: a list of {@code {tenant_id, source_system, visible_until}}. */
    public static final String VAR = "cairn_source_fences";

    private Isolation() {
    }

    /**
     * The value of {@value #VAR} for {@code fences}; {@code systemOf} gives the {@code source_system} a fenced
     * source writes on its raw rows.
     */
    public static List<Map<String, String>> var(List<SourceFence> fences, Function<SourceFence, String> systemOf) {
        List<Map<String, String>> value = new ArrayList<>();
        for (SourceFence fence : fences) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("tenant_id", fence.tenant().value());
            entry.put("source_system", systemOf.apply(fence));
            entry.put("visible_until", fence.visibleUntil().toString());
            value.add(entry);
        }
        return value;
    }

    /**
     * The models of {@code dag} downstream of a raw table of each fence's source system ({@code <system>__<stream>}),
     * as parts skipped for the fence's tenant.
     */
    public static List<TaskOutcome.Skipped> skippedModels(Dag dag, List<SourceFence> fences,
            Function<SourceFence, String> systemOf) {
        List<TaskOutcome.Skipped> skipped = new ArrayList<>();
        for (SourceFence fence : fences) {
            String prefix = systemOf.apply(fence) + "__";
            TreeSet<String> models = new TreeSet<>();
            for (Node node : dag.nodes().values()) {
                if (node.type() == ResourceType.SOURCE && node.name().startsWith(prefix)) {
                    dag.reach(node.uniqueId(), false, -1).stream().map(dag::node)
                            .filter(child -> child.type() == ResourceType.MODEL).map(Node::name).forEach(models::add);
                }
            }
            models.forEach(model -> skipped.add(new TaskOutcome.Skipped(fence.tenant(), fence.source(), model,
                    fence.reason())));
        }
        return skipped;
    }
}
