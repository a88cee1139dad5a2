package io.cairn.core.model.graph;

import java.util.Locale;

/** The kinds of nodes in a project graph, spelled as dbt spells them in unique ids and artifacts. */
public enum ResourceType {
    MODEL, SEED, TEST, SOURCE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
