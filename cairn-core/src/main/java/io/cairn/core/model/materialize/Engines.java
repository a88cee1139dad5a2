package io.cairn.core.model.materialize;

import java.util.Map;

/** The engines the model engine can materialize on, by dialect name. */
final class Engines {
    static final Map<String, MaterializationSql> BY_NAME = Map.of(
            "duckdb", new DuckDbMaterializationSql(),
            "postgres", new PostgresMaterializationSql(),
            "spark", new SparkMaterializationSql());

    private Engines() {}
}
