package io.cairn.core.config;

import io.cairn.spi.warehouse.WarehouseSettings;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the {@code warehouse:} section of {@code cairn.yml}; the keys each engine accepts are listed here. */
final class WarehouseSection {
    static final String DEFAULT_TYPE = "duckdb";
    static final String DEFAULT_DUCKDB_PATH = "warehouse.duckdb";

    private static final Set<String> COMMON_KEYS = Set.of("type", "threads");
    private static final Map<String, Set<String>> KEYS_BY_TYPE = Map.of(
            "duckdb", Set.of("path", "memory_limit", "temp_directory"),
            "postgres", Set.of("url", "user", "password", "schema", "pool_size"),
            "spark", Set.of("master", "path", "catalog_url"));
    /** Spark also takes any {@code spark.*} key, passed to Spark as is. */
    private static final String SPARK_SETTING_PREFIX = "spark.";
    private static final String TYPES = String.join(", ", new java.util.TreeSet<>(KEYS_BY_TYPE.keySet()));

    private WarehouseSection() {
    }

    static WarehouseSettings read(YamlMapping section, Path projectDir) {
        String type = section.string("type", DEFAULT_TYPE);
        if (!KEYS_BY_TYPE.containsKey(type)) {
            throw section.require("type").error("unknown warehouse type '%s' (expected one of %s)", type, TYPES);
        }
        Set<String> known = new HashSet<>(COMMON_KEYS);
        known.addAll(KEYS_BY_TYPE.get(type));
        if (type.equals("spark")) {
            section.entries().keySet().stream().filter(key -> key.startsWith(SPARK_SETTING_PREFIX)).forEach(known::add);
        }
        section.allowOnly(known);
        Map<String, String> options = new LinkedHashMap<>();
        section.entries().forEach((key, value) -> {
            if (!key.equals("type") && !value.isNull()) {
                options.put(key, value.string());
            }
        });
        section.get("threads").ifPresent(WarehouseSection::checkThreads);
        section.get("pool_size").ifPresent(WarehouseSection::checkPoolSize);
        if (type.equals("duckdb")) {
            options.putIfAbsent("path", DEFAULT_DUCKDB_PATH);
        }
        if (type.equals("postgres")) {
            section.require("url");
        }
        return new WarehouseSettings(type, projectDir, options);
    }

    private static void checkThreads(YamlNode threads) {
        String value = threads.string();
        if (!value.matches("[1-9][0-9]{0,3}")) {
            throw threads.error("expected a positive whole number of threads, found '%s'", value);
        }
    }

    /** Idle connections the PostgreSQL pool keeps: 0 (open one per borrow) up to 1000. */
    private static void checkPoolSize(YamlNode poolSize) {
        String value = poolSize.string();
        if (!value.matches("0|[1-9][0-9]{0,2}|1000")) {
            throw poolSize.error("expected a whole number of idle connections from 0 to 1000, found '%s'", value);
        }
    }
}
