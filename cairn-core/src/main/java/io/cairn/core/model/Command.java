package io.cairn.core.model;

import java.util.Set;

import io.cairn.core.model.graph.ResourceType;

/** The engine's commands and the resource types each one executes. */
public enum Command {
    BUILD(Set.of(ResourceType.SEED, ResourceType.MODEL, ResourceType.TEST)),
    RUN(Set.of(ResourceType.MODEL)),
    TEST(Set.of(ResourceType.TEST)),
    SEED(Set.of(ResourceType.SEED)),
    COMPILE(Set.of(ResourceType.MODEL, ResourceType.TEST)),
    FRESHNESS(Set.of(ResourceType.SOURCE));

    private final Set<ResourceType> types;

    Command(Set<ResourceType> types) {
        this.types = types;
    }

    public Set<ResourceType> types() {
        return types;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
