package io.cairn.core.model;

import java.util.Map;

import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * How a project is loaded.
 *
 * @param warehouse where models run (replaces dbt's profiles.yml)
 * @param targetName {@code target.name}, {@code dev} by default
 * @param targetSchema {@code target.schema}, {@code main} by default
 * @param vars {@code --vars} overrides of project vars
 * @param env what {@code env_var} reads; {@link #defaults} uses the process environment
 */
public record EngineOptions(Warehouse warehouse, String targetName, String targetSchema, Map<String, Object> vars,
        Map<String, String> env) {
    public EngineOptions {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(targetName, "targetName is null");
        requireNonNull(targetSchema, "targetSchema is null");
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        env = Map.copyOf(env);
    }

    public static EngineOptions defaults(Warehouse warehouse) {
        return new EngineOptions(warehouse, "dev", "main", Map.of(), System.getenv());
    }

    public EngineOptions withVars(Map<String, Object> overrides) {
        return new EngineOptions(warehouse, targetName, targetSchema, overrides, env);
    }

    public EngineOptions withEnv(Map<String, String> environment) {
        return new EngineOptions(warehouse, targetName, targetSchema, vars, environment);
    }

    public EngineOptions withTarget(String name, String schema) {
        return new EngineOptions(warehouse, name, schema, vars, env);
    }
}
