package io.cairn.core.model.render;

import java.util.Map;

import io.cairn.spi.warehouse.Dialect;

/**
 * What every template of one engine sees: vars (project vars overlaid with {@code --vars}), the environment
 * ({@code env_var}), the target, and the dialect that quotes relations.
 *
 * @param vars project vars with overrides applied
 * @param env environment variables; tests pass their own, the CLI passes {@code System.getenv()}
 * @param targetName {@code target.name}
 * @param targetSchema {@code target.schema}
 * @param dialect the warehouse dialect
 */
public record RenderGlobals(Map<String, Object> vars, Map<String, String> env, String targetName,
        String targetSchema, Dialect dialect) {
    public RenderGlobals {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        env = Map.copyOf(env);
    }

    /** The {@code target} object of templates. */
    public Map<String, Object> target() {
        return Map.of("name", targetName, "schema", targetSchema, "type", dialect.name(), "database", "",
                "profile_name", "cairn", "threads", 1);
    }
}
