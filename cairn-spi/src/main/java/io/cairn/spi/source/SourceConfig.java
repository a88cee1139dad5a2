package io.cairn.spi.source;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/** A tenant's configured source: its name and option values (secrets included, redacted in {@link #toString()}). */
public record SourceConfig(TenantId tenant, String sourceName, Map<String, String> options, Set<String> secretKeys) {
    public SourceConfig {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(sourceName, "sourceName is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
        secretKeys = Set.copyOf(requireNonNull(secretKeys, "secretKeys is null"));
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(options);
        shown.replaceAll((key, value) -> secretKeys.contains(key) ? "***" : value);
        return "SourceConfig[tenant=" + tenant + ", source=" + sourceName + ", options=" + shown + "]";
    }
}
