package io.cairn.core.model;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How a command runs.
 *
 * @param threads parallel workers ({@code --threads})
 * @param fullRefresh rebuild incremental models from scratch ({@code --full-refresh})
 * @param state a folder holding a previous {@code manifest.json}, for {@code state:modified}; may be null
 * @param targetDir where artifacts go; null means {@code <project>/target}, and artifacts are always written
 * @param clock the clock freshness compares against
 * @param listener called with each node result as it completes (for live console output); may be null
 */
public record RunOptions(int threads, boolean fullRefresh, Path state, Path targetDir, Clock clock,
        Consumer<NodeResult> listener) {
    public static RunOptions defaults() {
        return new RunOptions(4, false, null, null, Clock.systemUTC(), null);
    }

    public RunOptions withThreads(int n) {
        return new RunOptions(n, fullRefresh, state, targetDir, clock, listener);
    }

    public RunOptions withFullRefresh(boolean refresh) {
        return new RunOptions(threads, refresh, state, targetDir, clock, listener);
    }

    public RunOptions withState(Path stateDir) {
        return new RunOptions(threads, fullRefresh, stateDir, targetDir, clock, listener);
    }

    public RunOptions withTargetDir(Path dir) {
        return new RunOptions(threads, fullRefresh, state, dir, clock, listener);
    }

    public RunOptions withClock(Clock c) {
        return new RunOptions(threads, fullRefresh, state, targetDir, c, listener);
    }

    public RunOptions withListener(Consumer<NodeResult> l) {
        return new RunOptions(threads, fullRefresh, state, targetDir, clock, l);
    }
}
