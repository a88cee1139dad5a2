package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Runs the attempts of one task: each on a worker thread, interrupted when the step's timeout passes; transient
 * failures are retried after a backoff while the step allows, permanent ones end the task at once. A cancelled run
 * stops the attempt as a timeout does and records the task {@code cancelled}.
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
    private final RunControl control;

    TaskRunner(Map<ProcessorType, Processor> processors, ExecutorService workers, PipelineRunStore store, Clock clock,
            Sleeper sleeper, RetryPolicy retry, RandomGenerator random, RunControl control) {
        this.processors = processors;
        this.workers = workers;
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = retry;
        this.random = random;
        this.control = control;
    }

    /**
     * Runs the task to its end and returns its final record, already stored, followed by the records of the parts it
     * skipped.
     */
    List<TaskRunRecord> run(TaskContext first) {
        TaskRunRecord record = TaskRunRecord.running(first.runId(), first.step().name(), first.tenant(),
                first.source(), clock.instant());
        if (control.isCancelled()) {
            return List.of(finish(record, RunStatus.CANCELLED, 0, null, cancelled(record)));
        }
        store.recordTask(record);
        Processor processor = processors.get(first.step().processor());
        int attempt = 1;
        while (true) {
            TaskContext task = first.attempt(attempt);
            try {
                TaskOutcome outcome = attempt(processor, task);
                return succeeded(record, attempt, outcome);
            } catch (TimeoutException e) {
                CairnException timedOut = new CairnException(ErrorCode.IO, "Cannot finish task %s: it exceeded its "
                        + "timeout of %d ms and was interrupted", record.taskId(), first.step().timeout().toMillis());
                return List.of(finish(record, RunStatus.TIMED_OUT, attempt, null, timedOut));
            } catch (InterruptedException | CancellationException e) {
                return List.of(stopped(record, attempt, e));
            } catch (ExecutionException e) {
                Throwable error = e.getCause() == null ? e : e.getCause();
                if (control.isCancelled()) {
                    return List.of(stopped(record, attempt, error));
                }
                if (!Faults.isTransient(error) || attempt > first.step().retries()) {
                    return List.of(finish(record, RunStatus.FAILED, attempt, null, error));
                }
                LOG.warn("Task {} failed on attempt {} with a transient fault, retrying: {}", record.taskId(),
                        attempt, error.getMessage());
                if (!control.backOff(sleeper, retry.delay(attempt, random))) {
                    return List.of(control.isCancelled() ? stopped(record, attempt, error)
                            : finish(record, RunStatus.FAILED, attempt, null, error));
                }
                attempt++;
            }
        }
    }

    private List<TaskRunRecord> succeeded(TaskRunRecord record, int attempt, TaskOutcome outcome) {
        List<TaskRunRecord> records = new ArrayList<>();
        records.add(finish(record, RunStatus.SUCCEEDED, attempt, outcome, null));
        for (TaskOutcome.Skipped part : outcome.skipped()) {
            TaskRunRecord skipped = TaskRunRecord.skipped(record.runId(), record.step(), part, clock.instant());
            store.recordTask(skipped);
            records.add(skipped);
        }
        return records;
    }

    /** The task was stopped: by the run's cancellation, or else by an interrupt of this driver. */
    private TaskRunRecord stopped(TaskRunRecord record, int attempt, Throwable error) {
        if (control.isCancelled()) {
            Thread.interrupted();
            return finish(record, RunStatus.CANCELLED, attempt, null, cancelled(record));
        }
        Thread.currentThread().interrupt();
        return finish(record, RunStatus.FAILED, attempt, null, error);
    }

    private static CairnException cancelled(TaskRunRecord record) {
        return new RunControl.Cancelled("Cannot finish task %s: its run was cancelled", record.taskId());
    }

    private TaskOutcome attempt(Processor processor, TaskContext task)
            throws InterruptedException, ExecutionException, TimeoutException {
        Future<TaskOutcome> future = workers.submit(() -> inContext(processor, task));
        Object running = control.started(future, task.cancellation());
        try {
            TaskOutcome outcome = future.get(task.step().timeout().toMillis(), TimeUnit.MILLISECONDS);
            return outcome == null ? TaskOutcome.NONE : outcome;
        } catch (TimeoutException | InterruptedException e) {
            // Interrupt the worker and run the task's own stop hooks, so the work really stops.
            future.cancel(true);
            task.cancellation().cancel();
            throw e;
        } finally {
            control.finished(running);
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

    private TaskRunRecord finish(TaskRunRecord running, RunStatus status, int attempts, TaskOutcome outcome,
            Throwable error) {
        TaskRunRecord done = running.finish(status, attempts, clock.instant(), outcome, error);
        store.recordTask(done);
        return done;
    }
}
