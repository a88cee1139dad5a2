package io.cairn.core.controlplane;

import io.cairn.core.config.Secrets;
import io.cairn.spi.TenantId;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A source of a tenant as registered in the control plane.
 *
 * @param system the {@code source_system} written on raw rows
 * @param options connector options as strings; secrets are masked by {@link #toString()}
 */
public record SourceDefinition(
        TenantId tenant,
        String name,
        String type,
        String system,
        boolean enabled,
        Map<String, String> options) {
    public SourceDefinition {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(system, "system is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
    }

    @Override
    public String toString() {
        return "SourceDefinition[tenant=" + tenant + ", name=" + name + ", type=" + type + ", system=" + system
                + ", enabled=" + enabled + ", options=" + Secrets.redact(options) + "]";
    }
}
