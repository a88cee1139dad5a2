package io.cairn.core.model;

import java.time.Instant;

/**
 * What happened to one node.
 *
 * @param uniqueId e.g. {@code model.jaffle.orders}
 * @param resourceType {@code model}, {@code seed}, {@code test} or {@code source}
 * @param name the node name
 * @param relation {@code schema.identifier} it wrote or checked
 * @param materialization view, table, incremental, seed, test or source
 * @param status the outcome
 * @param message a one-line explanation (the error for {@code error})
 * @param startedAt when execution began
 * @param completedAt when it ended
 * @param rowsAffected rows written, or -1 when unknown (views)
 * @param failures failing rows of a test, or 0
 * @param compiledCode the SQL that ran, or null
 * @param threadId the worker thread
 */
public record NodeResult(String uniqueId, String resourceType, String name, String relation, String materialization,
        NodeStatus status, String message, Instant startedAt, Instant completedAt, long rowsAffected, long failures,
        String compiledCode, String threadId) {
    /** Seconds between start and end. */
    public double executionTime() {
        return (completedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
