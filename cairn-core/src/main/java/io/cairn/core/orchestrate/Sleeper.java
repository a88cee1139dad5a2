package io.cairn.core.orchestrate;

import java.time.Duration;

/** Waits between attempts; tests replace it to record the delays instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
