package io.cairn.core.orchestrate;

import io.cairn.core.config.ConfigException;
import io.cairn.core.config.YamlMapping;
import io.cairn.core.config.YamlNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads and validates {@code pipelines/<name>.yml}. Everything that can be checked before a run is checked here
 * (malformed YAML, unknown keys and processors, processors not available yet, unknown variables, missing or
 * cyclic dependencies), and every error names the file, line and key.
 */
public final class PipelineLoader {
    static final String FOLDER = "pipelines";
    private static final Set<String> PIPELINE_KEYS = Set.of("vars", "parallelism", "steps", "on_failure",
            "on_success");
    private static final Set<String> STEP_KEYS = Set.of("name", "processor", "scope", "retries", "timeout",
            "depends_on", "vars", "sql", "message", "select");
    private static final List<String> PARAMS = List.of("sql", "message", "select");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private PipelineLoader() {
    }

    /**
     * The pipeline {@code name} of the project; the built-in {@code daily} when {@code pipelines/daily.yml} is
     * absent. {@code extraVars} are the names of variables given on the command line.
     */
    public static Pipeline load(Path projectDir, String name, Set<String> extraVars) {
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(name, "name is null");
        Path file = projectDir.resolve(FOLDER).resolve(name + ".yml");
        if (!Files.exists(file) && name.equals(Pipeline.DAILY)) {
            return Pipeline.daily();
        }
        return read(name, YamlNode.parse(file, System::getenv), extraVars);
    }

    /** Parses {@code text} as the pipeline {@code name} read from {@code file}. */
    public static Pipeline parse(String name, Path file, String text, Set<String> extraVars) {
        return read(name, YamlNode.parse(file, text, System::getenv), extraVars);
    }

    private static Pipeline read(String name, YamlNode root, Set<String> extraVars) {
        YamlMapping top = root.mapping().allowOnly(PIPELINE_KEYS);
        Map<String, String> vars = strings(top.mapping("vars"));
        int parallelism = top.get("parallelism").map(n -> integer(n, 1, 1024)).orElse(4);
        YamlNode stepsNode = top.get("steps").orElseThrow(() -> top.keyError("steps", "a pipeline needs steps"));
        List<StepSpec> steps = steps(stepsNode);
        if (steps.isEmpty()) {
            throw stepsNode.error("a pipeline needs at least one step");
        }
        List<StepSpec> onFailure = finalSteps(top, "on_failure");
        List<StepSpec> onSuccess = finalSteps(top, "on_success");
        Set<String> known = new HashSet<>(extraVars);
        known.addAll(vars.keySet());
        checkNames(steps, concat(onFailure, onSuccess), stepsNode);
        List<StepSpec> ordered = Dependencies.order(steps, stepsNode);
        for (YamlNode step : stepsNode.sequence()) {
            checkVariables(step, known);
        }
        for (String key : List.of("on_failure", "on_success")) {
            top.get(key).ifPresent(node -> node.sequence().forEach(step -> checkVariables(step, known)));
        }
        return new Pipeline(name, root.file(), vars, parallelism, ordered, onFailure, onSuccess);
    }

    /**
     * The {@code on_failure} or {@code on_success} steps: they run after all the others, in file order, and take no
     * {@code depends_on}.
     */
    private static List<StepSpec> finalSteps(YamlMapping top, String key) {
        return top.get(key).map(node -> {
            for (YamlNode step : node.sequence()) {
                YamlMapping mapping = step.mapping();
                if (mapping.get("depends_on").isPresent()) {
                    throw mapping.keyError("depends_on", key + " steps run after all other steps and take no "
                            + "depends_on");
                }
            }
            return steps(node);
        }).orElse(List.of());
    }

    private static List<StepSpec> steps(YamlNode node) {
        List<StepSpec> steps = new ArrayList<>();
        for (YamlNode element : node.sequence()) {
            steps.add(step(element));
        }
        return steps;
    }

    private static StepSpec step(YamlNode node) {
        YamlMapping step = node.mapping().allowOnly(STEP_KEYS);
        String name = step.require("name").string();
        if (!NAME.matcher(name).matches()) {
            throw step.require("name").error("'%s' is not a step name (lower case letters, digits, _ and -)", name);
        }
        ProcessorType processor = processor(step.require("processor"));
        StepScope scope = processor == ProcessorType.SYNC ? StepScope.SOURCE
                : step.get("scope").map(PipelineLoader::scope).orElse(StepScope.GLOBAL);
        int retries = step.get("retries").map(n -> integer(n, 0, 100)).orElse(0);
        Duration timeout = step.get("timeout").map(PipelineLoader::duration).orElse(Duration.ofMinutes(30));
        List<String> dependsOn = step.get("depends_on").map(n -> n.sequence().stream().map(YamlNode::string).toList())
                .orElse(List.of());
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : PARAMS) {
            step.string(param).ifPresent(value -> params.put(param, value));
        }
        if (processor == ProcessorType.SQL && !params.containsKey("sql")) {
            throw step.keyError("processor", "a sql step needs a 'sql' statement");
        }
        return new StepSpec(name, processor, scope, retries, timeout, dependsOn, strings(step.mapping("vars")),
                params, node.line());
    }

    private static ProcessorType processor(YamlNode node) {
        String key = node.string();
        ProcessorType type = ProcessorType.of(key).orElseThrow(() -> node.error("unknown processor '%s' (known: %s)",
                key, String.join(", ", java.util.Arrays.stream(ProcessorType.values()).map(ProcessorType::key)
                        .toList())));
        if (!type.available()) {
            throw node.error("processor '%s' is not available yet in this build", key);
        }
        return type;
    }

    private static StepScope scope(YamlNode node) {
        String key = node.string();
        if (key.equals("global") || key.equals("tenant")) {
            return StepScope.valueOf(key.toUpperCase(Locale.ROOT));
        }
        throw node.error("unknown scope '%s' (known: global, tenant)", key);
    }

    private static int integer(YamlNode node, int min, int max) {
        String text = node.string();
        if (text.matches("\\d{1,9}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw node.error("expected a whole number from %d to %d, found '%s'", min, max, text);
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m} or {@code 2h}. */
    static Duration duration(YamlNode node) {
        Matcher matcher = DURATION.matcher(node.string());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw node.error("expected a duration such as 30s, 5m or 2h, found '%s'", node.string());
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static Map<String, String> strings(YamlMapping mapping) {
        Map<String, String> values = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) -> values.put(key, value.string()));
        return values;
    }

    private static void checkNames(List<StepSpec> steps, List<StepSpec> onFailure, YamlNode stepsNode) {
        Set<String> seen = new HashSet<>();
        for (StepSpec step : concat(steps, onFailure)) {
            if (!seen.add(step.name())) {
                throw new ConfigException(stepsNode.file(), step.line(), stepsNode.path(), "step name '"
                        + step.name() + "' is used twice");
            }
        }
    }

    private static List<StepSpec> concat(List<StepSpec> a, List<StepSpec> b) {
        List<StepSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Every placeholder of the step's settings and variables must name a known variable. */
    private static void checkVariables(YamlNode stepNode, Set<String> pipelineVars) {
        YamlMapping step = stepNode.mapping();
        StepSpec spec = step(stepNode);
        Set<String> known = new HashSet<>(pipelineVars);
        known.addAll(Variables.BUILT_IN);
        known.addAll(spec.vars().keySet());
        if (spec.scope() != StepScope.GLOBAL) {
            known.addAll(Variables.PER_TENANT);
        }
        if (spec.scope() == StepScope.SOURCE) {
            known.addAll(Variables.PER_SOURCE);
        }
        for (String param : PARAMS) {
            step.get(param).ifPresent(node -> checkText(node, known, spec));
        }
        step.mapping("vars").entries().values().forEach(node -> checkText(node, known, spec));
    }

    private static void checkText(YamlNode node, Set<String> known, StepSpec step) {
        for (String name : Variables.names(node.string())) {
            if (known.contains(name)) {
                continue;
            }
            if (Variables.PER_TENANT.contains(name) || Variables.PER_SOURCE.contains(name)) {
                throw node.error("variable '{%s}' is only known in steps that run per %s (step '%s' runs %s)", name,
                        name.equals("source") ? "source" : "tenant", step.name(), step.scope().key());
            }
            throw node.error("unknown variable '{%s}' (known: %s)", name, String.join(", ",
                    new java.util.TreeSet<>(known)));
        }
    }
}
