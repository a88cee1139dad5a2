package io.cairn.core.model.graph;

import java.util.List;
import java.util.Map;

import io.cairn.core.model.project.NodeConfig;
import io.cairn.core.model.project.SourceTable;
import io.cairn.core.model.project.TestSpec;

/**
 * One parsed node of the project graph.
 *
 * @param uniqueId dbt's id, e.g. {@code model.jaffle.orders}
 * @param type its resource type
 * @param name its name
 * @param path its file relative to the project folder
 * @param fqn project, folders and name
 * @param rawCode the file's SQL before rendering (empty for seeds and sources)
 * @param config its resolved config
 * @param dependsOn the unique ids of its parents
 * @param refLines for each parent, the line of the {@code ref}/{@code source} call naming it
 * @param schema the schema its relation lives in
 * @param identifier its relation's name
 * @param test for a generic test, what was declared (null otherwise)
 * @param testedNode for a generic test, the node it is attached to (null otherwise)
 * @param source for a source node, its table (null otherwise)
 */
public record Node(String uniqueId, ResourceType type, String name, String path, List<String> fqn, String rawCode,
        NodeConfig config, List<String> dependsOn, Map<String, Integer> refLines, String schema, String identifier,
        TestSpec test, String testedNode, SourceTable source) {
    public Node {
        fqn = List.copyOf(fqn);
        dependsOn = List.copyOf(dependsOn);
        refLines = Map.copyOf(refLines);
    }

    public String materialized() {
        return switch (type) {
            case MODEL -> config.materialized("view");
            case SEED -> "seed";
            case TEST -> "test";
            case SOURCE -> "source";
        };
    }

    public boolean isEphemeral() {
        return type == ResourceType.MODEL && materialized().equals("ephemeral");
    }

    /** {@code schema.identifier}, unquoted, for console lines. */
    public String displayRelation() {
        return schema + "." + identifier;
    }
}
