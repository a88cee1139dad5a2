package io.cairn.core.controlplane;

import java.time.Instant;
import java.util.Set;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import static java.util.Objects.requireNonNull;

/**
 * What happened to one node of a model-engine command, as kept in the control plane.
 *
 * @param runId the command's row in {@code runs}
 * @param uniqueId e.g. {@code model.jaffle.orders}
 * @param resourceType {@code model}, {@code seed}, {@code test} or {@code source}
 * @param name the node name
 * @param relation {@code schema.identifier} written or checked; may be null
 * @param status {@code success}, {@code error}, {@code skipped}, {@code pass}, {@code fail} or {@code warn}
 * @param message the one-line outcome, the error for {@code error}; may be null
 * @param rowsAffected rows written, null when unknown (views)
 * @param failures failing rows of a test, 0 otherwise
 * @param startedAt when execution began
 * @param completedAt when it ended
 * @param executionTime seconds spent
 */
public record ModelResultRecord(String runId, String uniqueId, String resourceType, String name, String relation,
        String status, String message, Long rowsAffected, long failures, Instant startedAt, Instant completedAt,
        double executionTime) {
    static final Set<String> RESOURCE_TYPES = Set.of("model", "seed", "test", "source");
    static final Set<String> STATUSES = Set.of("success", "error", "skipped", "pass", "fail", "warn");

    public ModelResultRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(name, "name is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(completedAt, "completedAt is null");
        check(RESOURCE_TYPES.contains(resourceType), "resource type", resourceType, uniqueId);
        check(STATUSES.contains(status), "status", status, uniqueId);
    }

    private static void check(boolean valid, String what, String value, String uniqueId) {
        if (!valid) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot record the result of %s: unknown %s '%s'",
                    uniqueId, what, value);
        }
    }
}
