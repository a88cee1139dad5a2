package io.cairn.datagen;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A generated tenant: id, display name, time zone, reporting currency and the sources it has. */
public record TenantProfile(String id, String name, String timezone, String currency, List<String> sources) {
    public TenantProfile {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(timezone, "timezone is null");
        requireNonNull(currency, "currency is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }
}
