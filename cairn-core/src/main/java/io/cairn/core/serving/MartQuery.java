package io.cairn.core.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.cairn.spi.warehouse.Dialect;

/**
 * The SQL that reads one mart for a tenant: every column, the {@code from}/{@code to} filter on the mart's date
 * column, and a stable order. The date column is found by name among the columns of a date or timestamp type,
 * first match wins: {@code date}, then {@code order_date}, then the first column (in table order) whose name ends in
 * {@code _date}, then {@code month}, then the first whose name ends in {@code _month} (so a text {@code month} such
 * as {@code 2024-05} is passed over for a date-typed {@code expense_month}). A mart without one is not filtered.
 * Rows are ordered by the date column, then by every sortable column in table order (JSON, list, struct and map
 * columns cannot be sorted on every engine and are skipped), so pages do not overlap or skip rows; rows equal in
 * every sortable column are interchangeable.
 *
 * @param columns the mart's columns, in table order, with their type names
 */
record MartQuery(Dialect dialect, String schema, String mart, List<Column> columns) {
    private static final List<java.util.function.Predicate<String>> NAMING_RULE = List.of("date"::equals,
            "order_date"::equals, name -> name.endsWith("_date"), "month"::equals, name -> name.endsWith("_month"));

    /** One column of a mart. */
    record Column(String name, String type) {
        boolean isDate() {
            String lower = type.toLowerCase(Locale.ROOT);
            return lower.equals("date") || lower.startsWith("timestamp");
        }

        boolean sortable() {
            String lower = type.toLowerCase(Locale.ROOT);
            return !(lower.startsWith("json") || lower.contains("[") || lower.startsWith("struct")
                    || lower.startsWith("map") || lower.startsWith("array") || lower.startsWith("union")
                    || lower.startsWith("variant"));
        }
    }

    boolean exists() {
        return !columns.isEmpty();
    }

    /** The date column by the naming rule, if any. */
    Optional<String> dateColumn() {
        List<Column> dated = columns.stream().filter(Column::isDate).toList();
        for (java.util.function.Predicate<String> rule : NAMING_RULE) {
            Optional<String> match = dated.stream().map(Column::name).filter(rule).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * The select with {@code ?} parameters for the dates given ({@link #parameters}), and {@code LIMIT}/
     * {@code OFFSET} when {@code limit > 0}.
     */
    String sql(LocalDate from, LocalDate to, long limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ")
                .append(dialect.relation(schema, mart));
        Optional<String> date = dateColumn();
        List<String> filters = new ArrayList<>();
        if (date.isPresent() && from != null) {
            filters.add(dialect.quote(date.get()) + " >= ?");
        }
        if (date.isPresent() && to != null) {
            filters.add(dialect.quote(date.get()) + " < ?");
        }
        if (!filters.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", filters));
        }
        List<String> order = new ArrayList<>();
        date.ifPresent(name -> order.add(dialect.quote(name)));
        for (Column column : columns) {
            if (column.sortable() && !date.map(column.name()::equals).orElse(false)) {
                order.add(dialect.quote(column.name()));
            }
        }
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
        }
        return sql.toString();
    }

    /**
     * The values of the date filter's parameters: {@code from}, and the day after {@code to} (so {@code to} is
     * inclusive for timestamp columns too).
     */
    List<Object> parameters(LocalDate from, LocalDate to) {
        List<Object> values = new ArrayList<>();
        if (dateColumn().isPresent() && from != null) {
            values.add(from);
        }
        if (dateColumn().isPresent() && to != null) {
            values.add(to.plusDays(1));
        }
        return values;
    }
}
