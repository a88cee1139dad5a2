package io.cairn.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every project command shares. */
public final class ProjectOptions {
    @Option(names = {"-p", "--project-dir"}, defaultValue = ".", paramLabel = "DIR",
            description = "Folder holding cairn.yml (default: the current folder).")
    Path projectDir;

    ProjectContext open() {
        return ProjectContext.open(projectDir);
    }
}
