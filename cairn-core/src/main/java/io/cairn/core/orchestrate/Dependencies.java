package io.cairn.core.orchestrate;

import io.cairn.core.config.ConfigException;
import io.cairn.core.config.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders steps so each comes after the ones it depends on; a missing step or a cycle is a config error. */
final class Dependencies {
    private Dependencies() {
    }

    static List<StepSpec> order(List<StepSpec> steps, YamlNode stepsNode) {
        Map<String, StepSpec> byName = new LinkedHashMap<>();
        steps.forEach(step -> byName.put(step.name(), step));
        for (StepSpec step : steps) {
            for (String dependency : step.dependsOn()) {
                if (!byName.containsKey(dependency)) {
                    throw error(stepsNode, step, "step '%s' depends on '%s', which is not a step of this pipeline",
                            step.name(), dependency);
                }
            }
        }
        Map<String, Integer> state = new HashMap<>();
        List<StepSpec> ordered = new ArrayList<>();
        for (StepSpec step : steps) {
            visit(step, byName, state, new ArrayList<>(), ordered, stepsNode);
        }
        return ordered;
    }

    private static void visit(StepSpec step, Map<String, StepSpec> byName, Map<String, Integer> state,
            List<String> path, List<StepSpec> ordered, YamlNode stepsNode) {
        int seen = state.getOrDefault(step.name(), 0);
        if (seen == 2) {
            return;
        }
        path.add(step.name());
        if (seen == 1) {
            List<String> cycle = path.subList(path.indexOf(step.name()), path.size());
            throw error(stepsNode, step, "depends_on forms a cycle: %s", String.join(" -> ", cycle));
        }
        state.put(step.name(), 1);
        for (String dependency : step.dependsOn()) {
            visit(byName.get(dependency), byName, state, path, ordered, stepsNode);
        }
        state.put(step.name(), 2);
        path.remove(path.size() - 1);
        ordered.add(step);
    }

    private static ConfigException error(YamlNode stepsNode, StepSpec step, String format, Object... args) {
        int index = stepsNode.sequence().stream().map(YamlNode::line).toList().indexOf(step.line());
        return new ConfigException(stepsNode.file(), step.line(), stepsNode.path() + "[" + index + "].depends_on",
                String.format(java.util.Locale.ROOT, format, args));
    }
}
