package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancellation of one run: once {@link #cancel()} is called, every running attempt is stopped as a timeout stops it
 * (worker interrupted, the task's own stop hooks run), tasks waiting to retry stop waiting, and nothing new starts.
 */
final class RunControl {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

    /** An attempt in progress. */
    private record Running(Future<?> future, Cancellation cancellation) {
        void stop() {
            future.cancel(true);
            cancellation.cancel();
        }
    }

    /** Why a task of a cancelled run did not finish; its class name lands in the task history. */
    static final class Cancelled extends CairnException {
        Cancelled(String format, Object... args) {
            super(ErrorCode.IO, format, args);
        }
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** Stops everything of the run; later calls do nothing. */
    void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        running.forEach(Running::stop);
        waiting.forEach(Thread::interrupt);
    }

    /** Tracks an attempt until {@link #finished}; stops it at once when the run is already cancelled. */
    Object started(Future<?> future, Cancellation cancellation) {
        Running attempt = new Running(future, cancellation);
        running.add(attempt);
        if (cancelled.get()) {
            attempt.stop();
        }
        return attempt;
    }

    void finished(Object attempt) {
        running.remove(attempt);
    }

    /** Waits {@code delay} before a retry; false when the wait was cut short (cancelled or interrupted). */
    boolean backOff(Sleeper sleeper, Duration delay) {
        Thread thread = Thread.currentThread();
        waiting.add(thread);
        try {
            if (cancelled.get()) {
                return false;
            }
            sleeper.sleep(delay);
            return !cancelled.get();
        } catch (InterruptedException e) {
            if (!cancelled.get()) {
                thread.interrupt();
            }
            return false;
        } finally {
            waiting.remove(thread);
            if (cancelled.get()) {
                // A cancel that raced the end of the wait must not interrupt this driver's next task.
                Thread.interrupted();
            }
        }
    }
}
