/** The DuckDB warehouse adapter: an in-process database file, offline-safe, with a bulk raw loader on DuckDB's own readers. */
package io.cairn.warehouse.duckdb;
