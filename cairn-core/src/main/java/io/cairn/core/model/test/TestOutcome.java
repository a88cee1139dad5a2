package io.cairn.core.model.test;

/**
 * What a test or freshness check found.
 *
 * @param status {@code pass}, {@code warn}, {@code fail} (or {@code error} for freshness beyond error_after)
 * @param failures failing rows (tests) or age in seconds (freshness)
 * @param message a one-line explanation
 */
public record TestOutcome(String status, long failures, String message) {}
