package io.cairn.core.model.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * The settings of {@code dbt_project.yml} that Cairn reads. Unknown keys (profile, require-dbt-version, ...) are
 * ignored because Cairn's own warehouse connection replaces profiles.
 */
public record ProjectConfig(String name, List<String> modelPaths, List<String> seedPaths, List<String> macroPaths,
        List<String> testPaths, Map<String, Object> vars, Map<String, Object> models, Map<String, Object> seeds,
        Map<String, Object> tests) {
    public ProjectConfig {
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        macroPaths = List.copyOf(macroPaths);
        testPaths = List.copyOf(testPaths);
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    }

    public static ProjectConfig read(Path projectDir) {
        Path file = projectDir.resolve("dbt_project.yml");
        if (!Files.isRegularFile(file)) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot load project %s: dbt_project.yml not found", projectDir);
        }
        Map<String, Object> yaml = Yaml.readMap(file, "dbt_project.yml");
        String name = Yaml.string(yaml, "name", null);
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new CairnException(ErrorCode.CONFIG,
                    "Cannot load project %s: dbt_project.yml needs a name of letters, digits and underscores, found %s",
                    projectDir, name);
        }
        return new ProjectConfig(name, paths(yaml, "model-paths", "models"), paths(yaml, "seed-paths", "seeds"),
                paths(yaml, "macro-paths", "macros"), paths(yaml, "test-paths", "tests"),
                Yaml.map(yaml.get("vars")), Yaml.map(yaml.get("models")), Yaml.map(yaml.get("seeds")),
                Yaml.map(yaml.get("data_tests") != null ? yaml.get("data_tests") : yaml.get("tests")));
    }

    private static List<String> paths(Map<String, Object> yaml, String key, String fallback) {
        List<String> paths = Yaml.strings(yaml.get(key));
        return paths.isEmpty() ? List.of(fallback) : paths;
    }

    /**
     * The folder-level config for a resource under {@code folders} (relative to its resource path): every
     * {@code +key} (or plain non-mapping key) along {@code <section>: <project>: <folder>: ...}.
     */
    public Map<String, Object> folderConfig(Map<String, Object> section, List<String> folders) {
        NodeConfig config = NodeConfig.empty();
        Map<String, Object> level = Yaml.map(section.get(name));
        config = config.with(configKeys(level));
        for (String folder : folders) {
            Object next = level.get(folder);
            if (!(next instanceof Map<?, ?>)) {
                break;
            }
            level = Yaml.map(next);
            config = config.with(configKeys(level));
        }
        return config.values();
    }

    private static Map<String, Object> configKeys(Map<String, Object> level) {
        Map<String, Object> out = new LinkedHashMap<>();
        level.forEach((key, value) -> {
            if (key.startsWith("+") || !(value instanceof Map<?, ?>) || key.equals("column_types")) {
                out.put(key.startsWith("+") ? key.substring(1) : key, value);
            }
        });
        return out;
    }

    /** Project vars: top-level ones, overlaid with those scoped under the project name. */
    public Map<String, Object> projectVars() {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((key, value) -> {
            if (!key.equals(name)) {
                out.put(key, value);
            }
        });
        out.putAll(Yaml.map(vars.get(name) instanceof Map<?, ?> ? vars.get(name) : null));
        return out;
    }
}
