package io.cairn.core.model.materialize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.cairn.core.model.materialize.Catalog.Kind;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Dialect;

/**
 * The SQL of the materializations that differs between engines: incremental batches, merges, drops that replace a
 * relation, views, seeds and column types. One implementation per engine, chosen by {@link Dialect#name()}; the
 * builders hold the engine-neutral flow (atomic swap, strategies, schema change).
 */
public interface MaterializationSql {
    /** The implementation for the engine named by {@code dialect} ({@code duckdb}, {@code postgres}). */
    static MaterializationSql of(Dialect dialect) {
        MaterializationSql sql = Engines.BY_NAME.get(dialect.name());
        if (sql == null) {
            throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot build models on warehouse type '%s': the model "
                    + "engine has materializations for %s only", dialect.name(), Engines.BY_NAME.keySet());
        }
        return sql;
    }

    /** Creates the session-local batch table {@code name} (unquoted) of an incremental run from {@code query}. */
    List<String> createBatch(Dialect dialect, String name, String query);

    /** Column names to full types (usable in {@code ALTER TABLE ... ADD COLUMN}) of {@code schema.name}, in order. */
    Map<String, String> columns(BuildContext ctx, String schema, String name);

    /** The same for the batch table {@code name} created by {@link #createBatch}. */
    Map<String, String> batchColumns(BuildContext ctx, String name);

    /**
     * Statements that update the rows of {@code target} matching the batch on the key and insert the others.
     *
     * @param columns quoted columns written
     * @param keyMatch the join condition between {@code t} (target) and {@code s} (batch)
     */
    List<String> merge(Dialect dialect, String target, String batch, List<String> columns, String keyMatch);

    /** Drops {@code relation}, which is being replaced by a new one of the same name. */
    String dropForReplace(Kind kind, String relation);

    /** Statements that (re)create the table {@code relation} from {@code query}; the query starts on line 2. */
    List<String> replaceTable(String relation, String query);

    /** Creates or replaces the view of {@code ctx}'s node; {@code wasTable} when a table of that name exists. */
    void buildView(BuildContext ctx, String query, boolean wasTable);

    /** Creates {@code relation} (quoted) from the seed CSV file; returns the rows loaded. */
    long loadSeed(BuildContext ctx, Path csv, String relation);
}
