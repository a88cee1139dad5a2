package io.cairn.core.tenancy;

import java.util.List;
import java.util.Map;

/**
 * What removing one tenant's copy from a layout deleted.
 *
 * @param schemas the dedicated schemas dropped (empty for the shared layout)
 * @param rows the tenant's rows per table that were deleted or dropped with their schema (tables with none omitted)
 */
public record LayoutRemoval(List<String> schemas, Map<TableRef, Long> rows) {
    public LayoutRemoval {
        schemas = List.copyOf(schemas);
        rows = Ordered.copy(rows);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return schemas.isEmpty() && totalRows() == 0;
    }
}
