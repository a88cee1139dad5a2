package io.cairn.core.config;

import io.cairn.spi.warehouse.WarehouseSettings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * {@code cairn.yml}, resolved: every key is optional and the defaults make {@code cairn demo} work (a DuckDB
 * warehouse file, an H2 control plane under {@code .cairn/}, the data root {@code data}).
 *
 * @param projectDir the absolute folder holding {@code cairn.yml}
 * @param root the absolute data root; {@code inbox/} and {@code raw/} live under it
 * @param project the absolute folder of the dbt-format project; see {@link #dbtProject()}
 * @param api the HTTP API of {@code cairn serve}: port, rate limit, query limits, plans
 */
public record ProjectConfig(
        Path projectDir,
        WarehouseSettings warehouse,
        ControlPlaneSettings controlPlane,
        Path root,
        Path project,
        ApiSettings api) {
    public static final String FILE_NAME = "cairn.yml";
    private static final Set<String> KEYS = Set.of("warehouse", "control_plane", "root", "project", "api");

    public ProjectConfig {
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(controlPlane, "controlPlane is null");
        requireNonNull(root, "root is null");
        requireNonNull(project, "project is null");
        requireNonNull(api, "api is null");
    }

    /** Reads {@code <projectDir>/cairn.yml} if present, with {@code ${env:NAME}} read from the process environment. */
    public static ProjectConfig load(Path projectDir) {
        return load(projectDir, System::getenv);
    }

    /** Reads {@code <projectDir>/cairn.yml} if present, with {@code ${env:NAME}} read from {@code env}. */
    public static ProjectConfig load(Path projectDir, Function<String, String> env) {
        Path dir = projectDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        YamlNode document = Files.exists(file) ? YamlNode.parse(file, env) : YamlNode.parse(file, "", env);
        YamlMapping top = document.mapping().allowOnly(KEYS);
        return new ProjectConfig(
                dir,
                WarehouseSection.read(top.mapping("warehouse"), dir),
                ControlPlaneSection.read(top.mapping("control_plane"), dir),
                folder(top, "root", "data", dir),
                folder(top, "project", ".", dir),
                ApiSection.read(top.mapping("api")));
    }

    private static Path folder(YamlMapping top, String key, String defaultValue, Path dir) {
        String value = top.string(key, defaultValue);
        try {
            return dir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw top.require(key).error("invalid path '%s': %s", value, e.getReason());
        }
    }

    /** The dbt-format project folder when it holds a {@code dbt_project.yml}; empty means "use the bundled package". */
    public Optional<Path> dbtProject() {
        return Files.isRegularFile(project.resolve("dbt_project.yml")) ? Optional.of(project) : Optional.empty();
    }

    /** {@code <root>/inbox}, where files dropped for the {@code files} source wait. */
    public Path inbox() {
        return root.resolve("inbox");
    }

    /** {@code <root>/raw}, the raw zone. */
    public Path rawZone() {
        return root.resolve("raw");
    }
}
