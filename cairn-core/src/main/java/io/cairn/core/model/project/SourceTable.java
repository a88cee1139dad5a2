package io.cairn.core.model.project;

import java.util.List;

/**
 * One table of a declared source.
 *
 * @param sourceName the source's name ({@code source('<sourceName>', ...)})
 * @param name the table's name
 * @param schema the schema holding it
 * @param identifier the table's name in the warehouse
 * @param loadedAtField the column freshness reads, or null
 * @param freshness the freshness rule, or null when none applies
 * @param tests tests declared on the table and its columns
 * @param file the properties file
 */
public record SourceTable(String sourceName, String name, String schema, String identifier, String loadedAtField,
        Freshness freshness, List<TestSpec> tests, String file) {
    public SourceTable {
        tests = List.copyOf(tests);
    }
}
