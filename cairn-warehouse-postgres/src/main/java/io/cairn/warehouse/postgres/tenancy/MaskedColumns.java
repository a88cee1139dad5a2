package io.cairn.warehouse.postgres.tenancy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The PII columns of tables in reader schemas, as declared in the model project: tenant readers read them masked
 * unless their tenant was granted PII access.
 *
 * @param byTable column names by table, {@code schema.table} (unquoted)
 */
public record MaskedColumns(Map<String, Set<String>> byTable) {
    public static final MaskedColumns NONE = new MaskedColumns(Map.of());

    public MaskedColumns {
        Map<String, Set<String>> copy = new TreeMap<>();
        requireNonNull(byTable, "byTable is null").forEach((table, columns) -> {
            if (!columns.isEmpty()) {
                copy.put(table, Set.copyOf(new TreeSet<>(columns)));
            }
        });
        byTable = Map.copyOf(copy);
    }

    /** The PII columns of one table; empty when it has none. */
    public Set<String> of(String schema, String table) {
        return byTable.getOrDefault(schema + "." + table, Set.of());
    }
}
