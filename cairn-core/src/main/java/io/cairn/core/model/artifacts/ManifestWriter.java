package io.cairn.core.model.artifacts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;

/** Writes {@code manifest.json} in dbt's shape (v12 keys that tools read: nodes, sources, parent_map, child_map). */
public final class ManifestWriter {
    private ManifestWriter() {}

    /** {@code compiled} gives the compiled SQL of a node, or null. */
    public static void write(Path dir, String project, Dag dag, Function<String, String> compiled,
            String invocationId, Instant generatedAt) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        Map<String, Object> parentMap = new LinkedHashMap<>();
        Map<String, Object> childMap = new LinkedHashMap<>();
        for (Node node : dag.nodes().values()) {
            Map<String, Object> entry = node(project, node, compiled.apply(node.uniqueId()));
            (node.type() == ResourceType.SOURCE ? sources : nodes).put(node.uniqueId(), entry);
            parentMap.put(node.uniqueId(), new ArrayList<>(dag.parents(node.uniqueId())));
            childMap.put(node.uniqueId(), new ArrayList<>(dag.children(node.uniqueId())));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("metadata", Json.metadata("https://schemas.getdbt.com/dbt/manifest/v12.json", invocationId,
                generatedAt, project));
        manifest.put("nodes", nodes);
        manifest.put("sources", sources);
        manifest.put("macros", Map.of());
        manifest.put("exposures", Map.of());
        manifest.put("metrics", Map.of());
        manifest.put("parent_map", parentMap);
        manifest.put("child_map", childMap);
        Json.write(dir.resolve("manifest.json"), manifest);
    }

    private static Map<String, Object> node(String project, Node node, String compiledCode) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unique_id", node.uniqueId());
        out.put("resource_type", node.type().key());
        out.put("name", node.name());
        out.put("package_name", project);
        out.put("path", node.path());
        out.put("original_file_path", node.path());
        out.put("fqn", node.fqn());
        out.put("database", "");
        out.put("schema", node.schema());
        out.put("alias", node.identifier());
        Map<String, Object> config = new LinkedHashMap<>(node.config().values());
        config.put("materialized", node.materialized());
        out.put("config", config);
        out.put("tags", node.config().tags());
        out.put("depends_on", Map.of("nodes", node.dependsOn(), "macros", List.of()));
        out.put("raw_code", node.rawCode());
        out.put("language", "sql");
        if (compiledCode != null) {
            out.put("compiled", true);
            out.put("compiled_code", compiledCode);
        }
        out.put("checksum", Map.of("name", "sha256", "checksum", Checksums.of(node)));
        if (node.source() != null) {
            out.put("source_name", node.source().sourceName());
            out.put("identifier", node.identifier());
            out.put("loaded_at_field", node.source().loadedAtField());
        }
        if (node.test() != null) {
            out.put("test_metadata", Map.of("name", node.test().testName(), "kwargs", node.test().args()));
            out.put("column_name", node.test().column());
            out.put("attached_node", node.testedNode());
        }
        return out;
    }
}
