package io.cairn.core.model.compile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.core.model.render.RenderSession;
import io.cairn.core.model.render.Renderer;

/**
 * dbt's {@code generate_schema_name}: no custom schema gives the target schema, a custom one gives
 * {@code <target_schema>_<custom>}; a project macro of that name replaces the rule.
 */
final class SchemaNamer {
    private final Renderer renderer;
    private final String targetSchema;
    private final boolean custom;

    SchemaNamer(Renderer renderer, String targetSchema) {
        this.renderer = renderer;
        this.targetSchema = targetSchema;
        this.custom = renderer.hasProjectMacro("generate_schema_name");
    }

    String schemaFor(String customSchema, String name, String resourceType, String path, List<String> fqn) {
        if (!custom) {
            return customSchema == null || customSchema.isBlank() ? targetSchema
                    : targetSchema + "_" + customSchema.trim();
        }
        Map<String, Object> node = new HashMap<>(Map.of("name", name, "resource_type", resourceType,
                "original_file_path", path, "fqn", fqn));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("custom_schema_name", customSchema);
        args.put("node", node);
        RenderSession session = new RenderSession("macro generate_schema_name for " + name, path,
                ParseResolver.PLACEHOLDERS, false);
        return renderer.callMacro("generate_schema_name", args, session).trim();
    }
}
