package io.cairn.core.model.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code models:}, {@code seeds:} and {@code sources:} sections of YAML properties files. */
final class PropertiesParser {
    private final Map<String, ResourceProperties> models = new LinkedHashMap<>();
    private final Map<String, ResourceProperties> seeds = new LinkedHashMap<>();
    private final List<SourceTable> sources = new ArrayList<>();

    void parse(Map<String, Object> yaml, String file) {
        for (Object item : Yaml.list(yaml.get("models"))) {
            ResourceProperties props = resource(Yaml.map(item), file);
            models.put(props.name(), props);
        }
        for (Object item : Yaml.list(yaml.get("seeds"))) {
            ResourceProperties props = resource(Yaml.map(item), file);
            seeds.put(props.name(), props);
        }
        for (Object item : Yaml.list(yaml.get("sources"))) {
            source(Yaml.map(item), file);
        }
    }

    Map<String, ResourceProperties> models() {
        return models;
    }

    Map<String, ResourceProperties> seeds() {
        return seeds;
    }

    List<SourceTable> sources() {
        return sources;
    }

    private static ResourceProperties resource(Map<String, Object> map, String file) {
        String name = Yaml.string(map, "name", null);
        Map<String, String> columns = new LinkedHashMap<>();
        List<TestSpec> tests = tests(map, null, file);
        for (Object col : Yaml.list(map.get("columns"))) {
            Map<String, Object> column = Yaml.map(col);
            String columnName = Yaml.string(column, "name", null);
            columns.put(columnName, Yaml.string(column, "data_type", null));
            tests.addAll(tests(column, columnName, file));
        }
        return new ResourceProperties(name, Yaml.map(map.get("config")), columns, tests, file);
    }

    private static List<TestSpec> tests(Map<String, Object> map, String column, String file) {
        List<TestSpec> tests = new ArrayList<>();
        for (Object item : Yaml.list(map.get("data_tests") != null ? map.get("data_tests") : map.get("tests"))) {
            tests.add(TestSpec.parse(item, column, file));
        }
        return tests;
    }

    private void source(Map<String, Object> map, String file) {
        String name = Yaml.string(map, "name", null);
        String schema = Yaml.string(map, "schema", name);
        Freshness freshness = Freshness.parse(map.get("freshness"), "source " + name);
        String loadedAt = Yaml.string(map, "loaded_at_field", null);
        for (Object item : Yaml.list(map.get("tables"))) {
            Map<String, Object> table = Yaml.map(item);
            String tableName = Yaml.string(table, "name", null);
            Freshness own = Freshness.parse(table.get("freshness"), "source " + name + "." + tableName);
            boolean disabled = table.containsKey("freshness") && table.get("freshness") == null;
            Freshness effective = disabled ? null : freshness == null ? own : freshness.overlay(own);
            ResourceProperties cols = resource(table, file);
            sources.add(new SourceTable(name, tableName, schema, Yaml.string(table, "identifier", tableName),
                    Yaml.string(table, "loaded_at_field", loadedAt), effective, cols.tests(), file));
        }
    }
}
