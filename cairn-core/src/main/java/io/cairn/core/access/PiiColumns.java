package io.cairn.core.access;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.project.Project;
import io.cairn.core.model.project.ResourceProperties;
import io.cairn.core.model.project.Yaml;

import static java.util.Objects.requireNonNull;

/**
 * The PII columns a dbt-format project declares in its model properties: a column is PII when its {@code tags}
 * (or {@code config.tags}) hold {@value #TAG}, or its {@code meta} (or {@code config.meta}) has {@code pii: true}.
 * Engine-neutral: each warehouse decides how to mask them.
 *
 * @param byModel PII column names by model name; models without PII columns are absent
 */
public record PiiColumns(Map<String, Set<String>> byModel) {
    public static final String TAG = "pii";

    public PiiColumns {
        Map<String, Set<String>> copy = new TreeMap<>();
        requireNonNull(byModel, "byModel is null").forEach((model, columns) -> {
            if (!columns.isEmpty()) {
                copy.put(model, Set.copyOf(new TreeSet<>(columns)));
            }
        });
        byModel = Map.copyOf(copy);
    }

    /** Reads the PII columns of every model from the project's properties files. */
    public static PiiColumns read(Project project) {
        Set<String> files = new LinkedHashSet<>();
        project.modelProperties().values().stream().map(ResourceProperties::file).sorted().forEach(files::add);
        Map<String, Set<String>> byModel = new TreeMap<>();
        for (String file : files) {
            Map<String, Object> yaml = Yaml.readMap(project.dir().resolve(file), file);
            for (Object item : Yaml.list(yaml.get("models"))) {
                Map<String, Object> model = Yaml.map(item);
                Set<String> pii = new TreeSet<>();
                for (Object column : Yaml.list(model.get("columns"))) {
                    Map<String, Object> properties = Yaml.map(column);
                    if (isPii(properties) || isPii(Yaml.map(properties.get("config")))) {
                        pii.add(Yaml.string(properties, "name", null));
                    }
                }
                if (!pii.isEmpty()) {
                    byModel.computeIfAbsent(Yaml.string(model, "name", null), name -> new TreeSet<>()).addAll(pii);
                }
            }
        }
        return new PiiColumns(byModel);
    }

    /** Whether a column's properties (or their {@code config}) mark it as PII. */
    static boolean isPii(Map<String, Object> properties) {
        boolean tagged = Yaml.strings(properties.get("tags")).stream()
                .anyMatch(tag -> tag.toLowerCase(Locale.ROOT).equals(TAG));
        Object meta = Yaml.map(properties.get("meta")).get(TAG);
        return tagged || Boolean.TRUE.equals(meta) || "true".equalsIgnoreCase(String.valueOf(meta));
    }

    /** The PII columns of one model; empty when it has none. */
    public Set<String> of(String model) {
        return byModel.getOrDefault(model, Set.of());
    }

    /**
     * The PII columns by relation the models build, {@code schema.identifier} as the engine resolved them; models
     * the graph does not hold, and ephemeral ones (no relation), are left out.
     */
    public Map<String, Set<String>> byRelation(Dag dag) {
        Map<String, Set<String>> byRelation = new TreeMap<>();
        for (Node node : dag.nodes().values()) {
            if (node.type() == ResourceType.MODEL && !node.isEphemeral() && byModel.containsKey(node.name())) {
                byRelation.put(node.schema() + "." + node.identifier(), byModel.get(node.name()));
            }
        }
        return byRelation;
    }
}
