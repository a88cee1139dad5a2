package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import picocli.CommandLine.Option;

import io.cairn.core.config.ProjectConfig;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.Selection;
import io.cairn.core.model.project.Yaml;
import io.cairn.models.BundledProject;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

/** Options the model commands share (dbt's names): selection, threads, vars, target, state, the project folder. */
public final class ModelOptions {
    @Option(names = {"-s", "--select"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to include (repeatable; space = union, comma = intersection), e.g. +orders tag:daily.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "4", description = "Nodes run in parallel (default: 4).")
    int threads;

    @Option(names = "--full-refresh", description = "Rebuild incremental models from scratch.")
    boolean fullRefresh;

    @Option(names = "--vars", paramLabel = "YAML", description = "Project var overrides, a YAML or JSON mapping, "
            + "e.g. '{tenant: acme, days: 3}'.")
    String vars;

    @Option(names = {"-t", "--target"}, defaultValue = "dev", description = "target.name (default: dev).")
    String target;

    @Option(names = "--target-schema", defaultValue = "main", description = "target.schema (default: main).")
    String targetSchema;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Folder with the manifest.json of a previous run, for state:modified selectors.")
    Path state;

    @Option(names = "--target-path", paramLabel = "DIR",
            description = "Where manifest.json and run_results.json go (default: <models>/target).")
    Path targetPath;

    @Option(names = "--models", paramLabel = "DIR", description = "The dbt-format project to use, overriding the "
            + "project: key of cairn.yml.")
    Path models;

    Selection selection() {
        return new Selection(select, exclude);
    }

    /**
     * The dbt-format project folder: {@code --models}, else the {@code project:} key of cairn.yml, else the bundled
     * retail and finance package, extracted to {@code .cairn/bundled-models}.
     */
    Path dbtProject(ProjectConfig config) {
        if (models != null) {
            Path dir = models.toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("dbt_project.yml"))) {
                throw new CairnException(ErrorCode.CONFIG, "Cannot use --models %s: it holds no dbt_project.yml", dir);
            }
            return dir;
        }
        return config.dbtProject().orElseGet(() -> BundledProject.extractTo(bundledDir(config)));
    }

    /** True when the command runs the bundled package (no {@code --models}, no dbt project in the folder). */
    boolean usesBundledPackage(ProjectConfig config) {
        return models == null && config.dbtProject().isEmpty();
    }

    static Path bundledDir(ProjectConfig config) {
        return config.projectDir().resolve(".cairn").resolve("bundled-models");
    }

    EngineOptions engineOptions(Warehouse warehouse) {
        if (threads < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot use --threads %d: it must be at least 1", threads);
        }
        return EngineOptions.defaults(warehouse).withVars(parseVars(vars)).withTarget(target, targetSchema);
    }

    RunOptions runOptions(Path dbtProject) {
        RunOptions options = RunOptions.defaults().withThreads(threads).withFullRefresh(fullRefresh)
                .withTargetDir(targetPath != null ? targetPath.toAbsolutePath().normalize()
                        : dbtProject.resolve("target"));
        return state == null ? options : options.withState(state.toAbsolutePath().normalize());
    }

    /** Parses {@code --vars} like dbt: a YAML (or JSON) mapping; null or blank means none. */
    static Map<String, Object> parseVars(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object value;
        try {
            value = new Load(LoadSettings.builder().setLabel("--vars").build()).loadFromString(text);
        }
        catch (YamlEngineException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot parse --vars '%s': %s", text,
                    e.getMessage().replace('\n', ' '));
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot parse --vars '%s': expected a mapping such as "
                    + "'{key: value}'", text);
        }
        return Yaml.map(value);
    }
}
