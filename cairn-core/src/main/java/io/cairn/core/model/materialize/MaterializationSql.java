package io.cairn.core.model.materialize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    /** The implementation for the engine named by {@code dialect} ({@code duckdb}, {@code postgres}, {@code spark}). */
    static MaterializationSql of(Dialect dialect) {
        MaterializationSql sql = Engines.BY_NAME.get(dialect.name());
        if (sql == null) {
            throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot build models on warehouse type '%s': the model "
                    + "engine has materializations for %s only", dialect.name(), Engines.BY_NAME.keySet());
        }
        return sql;
    }

    /** Creates the batch table {@code name} (unquoted) of an incremental run from {@code query}. */
    List<String> createBatch(BuildContext ctx, String name, String query);

    /** The kind of the existing relation {@code schema.name}, if there is one. */
    default Optional<Kind> kind(BuildContext ctx, String schema, String name) {
        return Catalog.kind(ctx.connection(), ctx.node(), schema, name);
    }

    /**
     * The name of a scratch table (an incremental batch, a table being rebuilt) derived from {@code base}. Engines
     * whose scratch tables are shared between sessions make it unique, so concurrent builds never collide.
     */
    default String scratchName(String base) {
        return base;
    }

    /** How statements refer to the batch table {@code name} created by {@link #createBatch}. */
    default String batchRelation(BuildContext ctx, String name) {
        return ctx.dialect().quote(name);
    }

    /** Drops the table {@code relation} (quoted) if it exists, data included. */
    default String dropTable(String relation) {
        return "drop table if exists " + relation;
    }

    /**
     * Whether {@code create or replace table} swaps a table atomically (a failing query leaves the old one), so
     * rebuilding a table needs no scratch copy and rename.
     */
    default boolean replacesTablesAtomically() {
        return false;
    }

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

    /**
     * Creates {@code relation} (quoted) from the seed CSV file, replacing an existing table when {@code orReplace}
     * (only asked of engines that {@link #replacesTablesAtomically()}); returns the rows loaded, or -1.
     */
    long loadSeed(BuildContext ctx, Path csv, String relation, boolean orReplace);
}
