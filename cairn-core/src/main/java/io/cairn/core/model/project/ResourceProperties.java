package io.cairn.core.model.project;

import java.util.List;
import java.util.Map;

/**
 * What a properties file says about one model or seed.
 *
 * @param name the model or seed name
 * @param config its {@code config:} mapping
 * @param columns declared column names with their {@code data_type} (null when not given)
 * @param tests generic tests on the resource and its columns
 * @param file the properties file
 */
public record ResourceProperties(String name, Map<String, Object> config, Map<String, String> columns,
        List<TestSpec> tests, String file) {
    public ResourceProperties {
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        tests = List.copyOf(tests);
    }
}
