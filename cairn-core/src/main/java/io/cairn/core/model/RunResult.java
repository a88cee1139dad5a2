package io.cairn.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one command.
 *
 * @param command build, run, test, seed, compile or freshness
 * @param results one per executed or skipped node, in completion order
 * @param startedAt when the command started
 * @param elapsedSeconds wall time
 * @param invocationId a random id shared with the artifacts
 */
public record RunResult(String command, List<NodeResult> results, Instant startedAt, double elapsedSeconds,
        String invocationId) {
    public RunResult {
        results = List.copyOf(results);
    }

    /** True when no node errored and no test failed. */
    public boolean success() {
        return results.stream().noneMatch(r -> r.status().isFailure());
    }

    /** The CLI exit code: 0 when everything passed, 1 when a node errored or a test failed. */
    public int exitCode() {
        return success() ? 0 : 1;
    }

    public Optional<NodeResult> result(String name) {
        return results.stream().filter(r -> r.name().equals(name) || r.uniqueId().equals(name)).findFirst();
    }

    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
