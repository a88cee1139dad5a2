package io.cairn.core.model.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved config of one node: project folder configs, then properties files, then {@code config(...)} in the
 * file, later ones winning; {@code tags} add up instead.
 */
public record NodeConfig(Map<String, Object> values) {
    public NodeConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static NodeConfig empty() {
        return new NodeConfig(Map.of());
    }

    /** This config overlaid with {@code more}; tags are unioned. */
    public NodeConfig with(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        more.forEach((key, value) -> {
            String name = key.startsWith("+") ? key.substring(1) : key;
            if (name.equals("tags")) {
                LinkedHashSet<String> tags = new LinkedHashSet<>(Yaml.strings(merged.get("tags")));
                tags.addAll(Yaml.strings(value));
                merged.put("tags", new ArrayList<>(tags));
            }
            else {
                merged.put(name, value);
            }
        });
        return new NodeConfig(merged);
    }

    public String materialized(String fallback) {
        return string("materialized").orElse(fallback);
    }

    public Optional<String> schema() {
        return string("schema");
    }

    public Optional<String> alias() {
        return string("alias");
    }

    public List<String> tags() {
        return Yaml.strings(values.get("tags"));
    }

    /** The unique key columns; dbt accepts one name or a list. */
    public List<String> uniqueKey() {
        return Yaml.strings(values.get("unique_key"));
    }

    public Optional<String> incrementalStrategy() {
        return string("incremental_strategy");
    }

    public String onSchemaChange() {
        return string("on_schema_change").orElse("ignore");
    }

    public String severity() {
        return string("severity").orElse("error").toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<String> where() {
        return string("where");
    }

    public boolean storeFailures() {
        return Boolean.parseBoolean(string("store_failures").orElse("false"));
    }

    public boolean enabled() {
        return Boolean.parseBoolean(string("enabled").orElse("true"));
    }

    public Map<String, Object> columnTypes() {
        return Yaml.map(values.get("column_types"));
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
