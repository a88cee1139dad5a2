package io.cairn.core.model.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded dbt-format project: its settings and every resource file, not yet rendered.
 *
 * @param dir the project folder
 * @param config {@code dbt_project.yml}
 * @param models model files ({@code .sql} under the model paths)
 * @param seeds seed files ({@code .csv} under the seed paths)
 * @param macroFiles files defining macros and generic tests
 * @param singularTests {@code .sql} files under the test paths, outside {@code generic/}
 * @param modelProperties model properties by model name
 * @param seedProperties seed properties by seed name
 * @param sources declared source tables
 */
public record Project(Path dir, ProjectConfig config, List<SqlFile> models, List<SqlFile> seeds,
        List<SqlFile> macroFiles, List<SqlFile> singularTests, Map<String, ResourceProperties> modelProperties,
        Map<String, ResourceProperties> seedProperties, List<SourceTable> sources) {
    public Project {
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        macroFiles = List.copyOf(macroFiles);
        singularTests = List.copyOf(singularTests);
        modelProperties = Map.copyOf(modelProperties);
        seedProperties = Map.copyOf(seedProperties);
        sources = List.copyOf(sources);
    }

    public String name() {
        return config.name();
    }
}
