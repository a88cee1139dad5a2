package io.cairn.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of a tenant's {@code sources:} mapping in {@code tenants.yml}. */
final class SourceSection {
    static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final Set<String> RESERVED_KEYS = Set.of("type", "system", "enabled");

    private SourceSection() {
    }

    static SourceSpec read(YamlMapping sources, String name, YamlNode node) {
        if (!NAME.matcher(name).matches()) {
            throw sources.keyError(name, "invalid source name '%s' (expected %s)", name, NAME.pattern());
        }
        YamlMapping source = node.mapping();
        if (!source.keys().contains("type")) {
            throw sources.keyError(name, "source '%s' has no 'type' (e.g. shopify, quickbooks, files)", name);
        }
        YamlNode typeNode = source.require("type");
        String type = typeNode.string().strip();
        if (type.isEmpty()) {
            throw typeNode.error("a source type is required (e.g. shopify, quickbooks, files)");
        }
        String system = source.string("system").orElse(type.equals("files") ? name : type);
        Map<String, String> options = new LinkedHashMap<>();
        source.entries().forEach((key, value) -> {
            if (!RESERVED_KEYS.contains(key) && !value.isNull()) {
                options.put(key, value.string());
            }
        });
        return new SourceSpec(name, type, system, source.bool("enabled", true), options);
    }
}
