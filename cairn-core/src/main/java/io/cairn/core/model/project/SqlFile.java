package io.cairn.core.model.project;

import java.nio.file.Path;
import java.util.List;

/**
 * One resource file of the project: a model, seed, macro file or singular test.
 *
 * @param name the file name without extension (the node name)
 * @param path the path relative to the project folder, with forward slashes (dbt's {@code original_file_path})
 * @param file the absolute file
 * @param folders the folders between the resource path and the file, used for folder-level configs and fqn
 * @param text the file content (empty for seeds, which DuckDB reads itself)
 */
public record SqlFile(String name, String path, Path file, List<String> folders, String text) {
    public SqlFile {
        folders = List.copyOf(folders);
    }
}
