package io.cairn.core.serving;

import io.cairn.spi.TenantId;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What one tenant may read of the warehouse, and nothing else: its rows of the marts, its data-quality results,
 * the freshness of its sources, and read-only SQL over its own data. Every method is scoped to {@code tenant}
 * by the engine's isolation (row-level security on PostgreSQL, per-tenant copies on DuckDB), not by trusting
 * the caller's SQL. Errors are {@link io.cairn.spi.CairnException}s: {@code NOT_FOUND} for an unknown mart or
 * tenant, {@code BAD_INPUT} for SQL that is not a single read-only statement or that fails (the message names
 * the problem and never another tenant's data), {@code UNSUPPORTED} for an engine that cannot serve tenants.
 */
public interface TenantData {
    /** The marts this tenant can read, by name (e.g. {@code fct_sales_by_day}), sorted. */
    List<String> marts(TenantId tenant);

    /**
     * One page of a mart's rows for {@code tenant}, ordered stably; {@code from}/{@code to} (inclusive, either may
     * be null) filter on the mart's date column when it has one.
     */
    ResultPage readMart(TenantId tenant, String mart, LocalDate from, LocalDate to, int offset, int limit);

    /** Every row of the mart for {@code tenant} (same filter) as CSV with a header line, streamed to {@code out}. */
    void writeMartCsv(TenantId tenant, String mart, LocalDate from, LocalDate to, Writer out) throws IOException;

    /**
     * Runs one read-only SQL statement over the tenant's own data; stops it after {@code timeout} and returns at
     * most {@code maxRows} rows ({@code hasMore} tells whether it was cut).
     */
    ResultPage query(TenantId tenant, String sql, Duration timeout, int maxRows);

    /** The tenant's latest data-quality results (ops.dq_results), newest first. */
    ResultPage quality(TenantId tenant);

    /** Per source and stream of the tenant: the last landed load, rows, and the newest source_updated_at. */
    ResultPage freshness(TenantId tenant);
}
