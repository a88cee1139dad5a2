/**
 * Pipelines read from {@code pipelines/<name>.yml}, their executor with retries, timeouts, cancellation, leases and
 * failure isolation (source fences), backfills, and the run history.
 */
package io.cairn.core.orchestrate;
