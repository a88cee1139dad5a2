package io.cairn.spi.warehouse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@code warehouse:} section of {@code cairn.yml}, resolved.
 *
 * @param type the engine ({@code duckdb}, {@code postgres}, ...)
 * @param projectDir the folder holding {@code cairn.yml}; relative paths resolve against it
 * @param options every other key of the section, e.g. {@code path}, {@code url}, {@code user}, {@code threads}
 */
public record WarehouseSettings(String type, Path projectDir, Map<String, String> options) {
    private static final java.util.Set<String> SECRET_KEYS = java.util.Set.of("password", "secret", "token");

    public WarehouseSettings {
        requireNonNull(type, "type is null");
        requireNonNull(projectDir, "projectDir is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(options);
        shown.replaceAll((key, value) -> SECRET_KEYS.contains(key) ? "***" : value);
        return "WarehouseSettings[type=" + type + ", projectDir=" + projectDir + ", options=" + shown + "]";
    }
}
