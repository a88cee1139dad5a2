package io.cairn.core.model.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * A generic test declared in a properties file.
 *
 * @param testName the generic test, e.g. {@code not_null} or a custom {@code {% test %}} name
 * @param column the column it applies to, or null for a model-level test
 * @param args the test's keyword arguments (e.g. {@code values}, {@code to}, {@code field})
 * @param config severity, where, store_failures, tags, enabled
 * @param file the properties file, for messages
 */
public record TestSpec(String testName, String column, Map<String, Object> args, Map<String, Object> config,
        String file) {
    private static final Set<String> CONFIG_KEYS = Set.of("severity", "where", "store_failures", "tags", "enabled",
            "limit", "warn_if", "error_if", "name");

    public TestSpec {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Parses a {@code tests:} / {@code data_tests:} item: a name, or a one-key mapping of name to arguments. */
    public static TestSpec parse(Object item, String column, String file) {
        if (item instanceof String name) {
            return new TestSpec(name, column, Map.of(), Map.of(), file);
        }
        Map<String, Object> map = Yaml.map(item);
        if (map.size() != 1) {
            throw new CairnException(ErrorCode.CONFIG,
                    "Cannot read test in %s: a test must be a name or a one-key mapping, found %s", file, map.keySet());
        }
        String name = map.keySet().iterator().next();
        Map<String, Object> args = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        Yaml.map(map.get(name)).forEach((key, value) -> {
            if (key.equals("config")) {
                config.putAll(Yaml.map(value));
            }
            else if (CONFIG_KEYS.contains(key)) {
                config.put(key, value);
            }
            else if (key.equals("arguments")) {
                args.putAll(Yaml.map(value));
            }
            else {
                args.put(key, value);
            }
        });
        return new TestSpec(name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name, column, args,
                config, file);
    }
}
