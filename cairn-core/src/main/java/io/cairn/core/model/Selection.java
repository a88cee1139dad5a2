package io.cairn.core.model;

import java.util.List;

/**
 * {@code --select} and {@code --exclude} expressions (dbt syntax: space unions, comma intersects).
 *
 * @param select selection expressions; empty selects everything
 * @param exclude exclusion expressions
 */
public record Selection(List<String> select, List<String> exclude) {
    public Selection {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
    }

    public static Selection all() {
        return new Selection(List.of(), List.of());
    }

    public static Selection of(String... select) {
        return new Selection(List.of(select), List.of());
    }

    public Selection excluding(String... exclude) {
        return new Selection(select, List.of(exclude));
    }
}
