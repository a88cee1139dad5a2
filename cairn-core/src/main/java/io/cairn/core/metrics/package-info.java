/** Micrometer metrics of pipeline tasks (durations, rows, failures, attempts, freshness lag) and their Prometheus text. */
package io.cairn.core.metrics;
