package io.cairn.core.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static java.util.Objects.requireNonNull;

/**
 * Runs the stored {@link PipelineSchedule}s with db-scheduler on the control-plane database. Every schedule is one
 * execution row of task {@value #TASK}; db-scheduler lets exactly one node pick a due row, so several schedulers on
 * one database never run a schedule twice. A run also takes the {@link RunGuard}, so a schedule never overlaps
 * another run of the same pipeline for the same tenant; a refused run is recorded as {@code overlapped}.
 *
 * <p>Catch-up policy: after each run the next due time is computed from the time the run finished, so occurrences
 * missed while no scheduler was up (or while a run overran) are not replayed one by one. An execution left due in
 * the past runs once as soon as a scheduler starts; then the schedule continues at its next future time.
 */
public final class PipelineScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);
    /** The db-scheduler task name of pipeline schedules; the instance id is the schedule name. */
    public static final String TASK = "cairn-pipeline-schedule";
    static final String SYNC_TASK = "cairn-schedule-sync";

    /** Runs one due schedule. Exceptions count as {@link ScheduleStatus#FAILED}. */
    @FunctionalInterface
    public interface Runner {
        ScheduleStatus run(PipelineSchedule schedule, Instant due);
    }

    /** How a node polls and how often it picks up added or removed schedules. */
    public record Options(String node, int threads, Duration pollingInterval, Duration syncInterval) {
        public Options {
            requireNonNull(node, "node is null");
            requireNonNull(pollingInterval, "pollingInterval is null");
            requireNonNull(syncInterval, "syncInterval is null");
            if (threads < 1) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot start scheduler %s: threads %d is below 1",
                        node, threads);
            }
        }

        public static Options defaults(String node) {
            return new Options(node, 4, Duration.ofSeconds(5), Duration.ofSeconds(30));
        }
    }

    private final ScheduleStore store;
    private final RunGuard guard;
    private final Supplier<List<TenantId>> tenants;
    private final Runner runner;
    private final Clock clock;
    private final String node;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;
    private final Set<RunGuard.Lease> leases = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;

    public PipelineScheduler(DataSource dataSource, RunGuard guard, Supplier<List<TenantId>> tenants, Runner runner,
            Options options, Clock clock) {
        requireNonNull(dataSource, "dataSource is null");
        requireNonNull(options, "options is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.store = new ScheduleStore(dataSource, clock);
        this.guard = requireNonNull(guard, "guard is null");
        this.tenants = requireNonNull(tenants, "tenants is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.node = options.node();
        this.task = Tasks.custom(TASK, Void.class).execute(this::execute);
        RecurringTask<Void> sync = Tasks.recurring(SYNC_TASK, Schedules.fixedDelay(options.syncInterval()))
                .execute((instance, context) -> sync());
        this.scheduler = Scheduler.create(dataSource, List.of(task))
                .startTasks(sync)
                .schedulerName(new SchedulerName.Fixed(node))
                .threads(options.threads())
                .pollingInterval(options.pollingInterval())
                .registerShutdownHook()
                .build();
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cairn-guard-renewer-" + node);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Registers the stored schedules and starts polling. */
    public void start() {
        sync();
        long every = Math.max(1, guard.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        scheduler.start();
        LOG.info("Scheduler {} started", node);
    }

    /**
     * Gives every stored schedule an execution row (due at its next time) and drops rows of removed schedules.
     * Safe on several nodes at once: an existing row is left as it is. Returns how many rows were added.
     */
    public int sync() {
        Instant now = clock.instant();
        Set<String> names = new HashSet<>();
        int added = 0;
        for (ScheduleEntry entry : store.list()) {
            PipelineSchedule schedule = entry.schedule();
            names.add(schedule.name());
            if (scheduler.scheduleIfNotExists(task.instance(schedule.name()), schedule.nextAfter(now))) {
                added++;
                LOG.info("Registered schedule {} ({} '{}' {})", schedule.name(), schedule.pipeline(),
                        schedule.cron(), schedule.zone());
            }
        }
        scheduler.fetchScheduledExecutionsForTask(TASK, Void.class, execution -> {
            if (!names.contains(execution.getTaskInstance().getId()) && !execution.isPicked()) {
                cancel(execution.getTaskInstance());
            }
        });
        return added;
    }

    private void cancel(TaskInstanceId instance) {
        try {
            scheduler.cancel(instance);
            LOG.info("Dropped the execution of removed schedule {}", instance.getId());
        } catch (RuntimeException e) {
            // Picked by a node since it was read: that run finds the schedule gone and drops the execution.
            LOG.debug("Cannot cancel the execution of removed schedule {}", instance.getId(), e);
        }
    }

    private CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
        Instant due = context.getExecution().getExecutionTime();
        PipelineSchedule schedule = store.find(instance.getId()).orElse(null);
        if (schedule == null) {
            LOG.info("Schedule {} was removed; dropping its execution", instance.getId());
            return (complete, operations) -> operations.remove();
        }
        runGuarded(schedule, due);
        return (complete, operations) -> operations.reschedule(complete, schedule.nextAfter(clock.instant()));
    }

    private void runGuarded(PipelineSchedule schedule, Instant due) {
        boolean all = schedule.tenant() == null;
        List<TenantId> covered = all ? tenants.get() : List.of(schedule.tenant());
        String holder = node + "/" + schedule.name() + "@" + due;
        RunGuard.Lease lease = guard.tryAcquire(schedule.pipeline(), all, covered, holder).orElse(null);
        if (lease == null) {
            store.recordRun(schedule.name(), due, clock.instant(), ScheduleStatus.OVERLAPPED, "pipeline "
                    + schedule.pipeline() + " was still running for " + (all ? "a tenant" : schedule.tenant()));
            return;
        }
        leases.add(lease);
        ScheduleStatus status;
        String message = null;
        try {
            status = runner.run(schedule, due);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled run of {} due {} failed", schedule.name(), due, e);
            status = ScheduleStatus.FAILED;
            message = e.getMessage();
        } finally {
            leases.remove(lease);
            lease.close();
        }
        store.recordRun(schedule.name(), due, clock.instant(), status, message);
    }

    private void renewLeases() {
        for (RunGuard.Lease lease : leases) {
            try {
                lease.renew();
            } catch (RuntimeException e) {
                LOG.warn("Cannot renew run guard {}; another node may take it when it expires", lease.holder(), e);
            }
        }
    }

    /** Stops polling; waits for running executions as db-scheduler does. */
    @Override
    public void close() {
        scheduler.stop();
        renewer.shutdownNow();
        LOG.info("Scheduler {} stopped", node);
    }
}
