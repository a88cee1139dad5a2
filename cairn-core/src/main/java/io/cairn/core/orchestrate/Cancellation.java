package io.cairn.core.orchestrate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Stops one attempt of a task. The worker thread is always interrupted; work that an interrupt does not reach (a
 * running JDBC statement, a blocking socket) registers how to stop it with {@link #onCancel}.
 */
public final class Cancellation {
    private static final Logger LOG = LoggerFactory.getLogger(Cancellation.class);

    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Runs {@code hook} when the attempt is cancelled, at once if it already was. */
    public void onCancel(Runnable hook) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                hooks.add(hook);
            }
        }
        if (now) {
            run(hook);
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        toRun.forEach(Cancellation::run);
    }

    private static void run(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            LOG.warn("Cannot stop a cancelled task cleanly: {}", e.getMessage());
        }
    }
}
