package io.cairn.core.config;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One source of a tenant as declared in {@code tenants.yml}.
 *
 * @param name unique within the tenant, {@code ^[a-z][a-z0-9_]{0,62}$}
 * @param type the connector, e.g. {@code shopify}, {@code quickbooks}, {@code files}
 * @param system the {@code source_system} written on raw rows
 * @param options every other key of the source, as strings; secrets are masked by {@link #toString()}
 */
public record SourceSpec(String name, String type, String system, boolean enabled, Map<String, String> options) {
    public SourceSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(system, "system is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
    }

    @Override
    public String toString() {
        return "SourceSpec[name=" + name + ", type=" + type + ", system=" + system + ", enabled=" + enabled
                + ", options=" + Secrets.redact(options) + "]";
    }
}
