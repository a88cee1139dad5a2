package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Runs the attempts of one task: each on a worker thread, interrupted when the step's timeout passes; transient
 * failures are retried after a backoff while the step allows, permanent ones end the task at once.
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final Map<ProcessorType, Processor> processors;
    private final ExecutorService workers;
    private final PipelineRunStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final RandomGenerator random;

    TaskRunner(Map<ProcessorType, Processor> processors, ExecutorService workers, PipelineRunStore store, Clock clock,
            Sleeper sleeper, RetryPolicy retry, RandomGenerator random) {
        this.processors = processors;
        this.workers = workers;
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = retry;
        this.random = random;
    }

    /** Runs the task to its end and returns its final record, already stored. */
    TaskRunRecord run(TaskContext first) {
        TaskRunRecord record = TaskRunRecord.running(first.runId(), first.step().name(), first.tenant(),
                first.source(), clock.instant());
        store.recordTask(record);
        Processor processor = processors.get(first.step().processor());
        int attempt = 1;
        while (true) {
            TaskContext task = first.attempt(attempt);
            try {
                TaskOutcome outcome = attempt(processor, task);
                return finish(record, RunStatus.SUCCEEDED, attempt, outcome, null);
            } catch (TimeoutException e) {
                CairnException timedOut = new CairnException(ErrorCode.IO, "Cannot finish task %s: it exceeded its "
                        + "timeout of %d ms and was interrupted", record.taskId(), first.step().timeout().toMillis());
                return finish(record, RunStatus.TIMED_OUT, attempt, null, timedOut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finish(record, RunStatus.FAILED, attempt, null, e);
            } catch (ExecutionException e) {
                Throwable error = e.getCause() == null ? e : e.getCause();
                if (!Faults.isTransient(error) || attempt > first.step().retries()) {
                    return finish(record, RunStatus.FAILED, attempt, null, error);
                }
                LOG.warn("Task {} failed on attempt {} with a transient fault, retrying: {}", record.taskId(),
                        attempt, error.getMessage());
                if (!backOff(attempt)) {
                    return finish(record, RunStatus.FAILED, attempt, null, error);
                }
                attempt++;
            }
        }
    }

    private TaskOutcome attempt(Processor processor, TaskContext task)
            throws InterruptedException, ExecutionException, TimeoutException {
        Future<TaskOutcome> future = workers.submit(() -> inContext(processor, task));
        try {
            TaskOutcome outcome = future.get(task.step().timeout().toMillis(), TimeUnit.MILLISECONDS);
            return outcome == null ? TaskOutcome.NONE : outcome;
        } catch (TimeoutException | InterruptedException e) {
            // Interrupt the worker and run the task's own stop hooks, so the work really stops.
            future.cancel(true);
            task.cancellation().cancel();
            throw e;
        }
    }

    private static TaskOutcome inContext(Processor processor, TaskContext task) throws Exception {
        MDC.put("run", task.runId());
        putOrRemove("tenant", task.tenant() == null ? null : task.tenant().value());
        putOrRemove("source", task.source());
        try {
            return processor.run(task);
        } finally {
            MDC.remove("run");
            MDC.remove("tenant");
            MDC.remove("source");
        }
    }

    private static void putOrRemove(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private boolean backOff(int attempt) {
        try {
            sleeper.sleep(retry.delay(attempt, random));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TaskRunRecord finish(TaskRunRecord running, RunStatus status, int attempts, TaskOutcome outcome,
            Throwable error) {
        TaskRunRecord done = running.finish(status, attempts, clock.instant(), outcome, error);
        store.recordTask(done);
        return done;
    }
}
