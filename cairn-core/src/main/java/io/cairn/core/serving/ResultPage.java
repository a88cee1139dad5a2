package io.cairn.core.serving;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rows read for one tenant: column names, then rows of JDBC values (numbers, strings, booleans, dates as
 * {@code java.time} values, null).
 *
 * @param columns the column names, in order
 * @param rows the rows, each as long as {@code columns}
 * @param hasMore whether more rows exist after these (a next page, or rows cut by a row limit)
 */
public record ResultPage(List<String> columns, List<List<Object>> rows, boolean hasMore) {
    public ResultPage {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = requireNonNull(rows, "rows is null");
    }
}
