package io.cairn.spi.source;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a configuration against a declared spec: required keys, value types, unknown keys. */
public final class ConfigChecks {
    private ConfigChecks() {}

    /** Every problem of {@code config} against {@code spec}, one per field, in spec order. */
    public static List<ConfigProblem> check(List<ConfigField> spec, SourceConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigField field : spec) {
            String value = config.option(field.name()).orElse(null);
            if (value == null || value.isBlank()) {
                if (field.required() && field.defaultValue() == null) {
                    problems.add(new ConfigProblem(field.name(), "is required: " + field.description()));
                }
                continue;
            }
            String problem = typeProblem(field.type(), value);
            if (problem != null) {
                problems.add(new ConfigProblem(field.name(), problem));
            }
        }
        Set<String> known = spec.stream().map(ConfigField::name).collect(Collectors.toSet());
        config.options().keySet().stream().filter(key -> !known.contains(key) && !"type".equals(key)).sorted()
                .forEach(key -> problems.add(new ConfigProblem(key, "is not a known key of this connector")));
        return problems;
    }

    /** The value of a field, or its default; null when neither is set. */
    public static String value(List<ConfigField> spec, SourceConfig config, String name) {
        String value = config.option(name).filter(v -> !v.isBlank()).orElse(null);
        if (value != null) {
            return value;
        }
        return spec.stream().filter(field -> field.name().equals(name)).map(ConfigField::defaultValue)
                .filter(v -> v != null).findFirst().orElse(null);
    }

    private static String typeProblem(String type, String value) {
        try {
            switch (type) {
                case "integer" -> Long.parseLong(value.trim());
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "must be true or false, not '" + value + "'";
                    }
                }
                case "date" -> LocalDate.parse(value.trim());
                case "url" -> {
                    URI uri = URI.create(value.trim());
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        return "must be an http(s) URL with a host, not '" + value + "'";
                    }
                }
                default -> {
                    return null;
                }
            }
            return null;
        }
        catch (RuntimeException e) {
            return "must be of type " + type + ", not '" + value + "'";
        }
    }
}
