package io.cairn.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.core.schedule.ControlPlaneDataSource;
import io.cairn.core.schedule.PipelineSchedule;
import io.cairn.core.schedule.PipelineScheduler;
import io.cairn.core.schedule.RunGuard;
import io.cairn.core.schedule.ScheduleStatus;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.spi.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Scheduling overhead on a real control plane (H2 by default, {@code --db postgres} for an embedded PostgreSQL).
 *
 * <ol>
 *   <li>Dispatch: {@code --tenants} (1,000) per-tenant schedules all due at once; the time db-scheduler and the
 *       {@link RunGuard} take until every schedule has run its no-op once, against the same number of no-op tasks
 *       dispatched by a plain thread pool of the same size.</li>
 *   <li>Execution: one pipeline run of a {@code sync} step over the tenants x {@code --sources} (3) with tasks of
 *       {@code --task-ms} (5 ms) each, recorded in the run history: wall time against the ideal (the sum of the
 *       tasks' own durations divided by the parallelism), and the overhead per task.</li>
 * </ol>
 *
 * <p>Usage: {@code ScheduleBenchmark [--tenants 1000] [--sources 3] [--task-ms 5] [--threads 8] [--db h2|postgres]}
 */
public final class ScheduleBenchmark {
    private ScheduleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(BenchSupport.option(args, "--tenants", "1000"));
        int sources = Integer.parseInt(BenchSupport.option(args, "--sources", "3"));
        int taskMillis = Integer.parseInt(BenchSupport.option(args, "--task-ms", "5"));
        int threads = Integer.parseInt(BenchSupport.option(args, "--threads", "8"));
        String db = BenchSupport.option(args, "--db", "h2");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cairn-bench-schedule");
        BenchSupport.deleteRecursively(dir);
        EmbeddedPostgres postgres = db.equals("postgres") ? EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true).start() : null;
        ControlPlaneSettings settings = postgres != null
                ? new ControlPlaneSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "postgres", null)
                : ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
        System.out.printf(Locale.ROOT, "control plane: %s; %d tenants, %d sources each, %d threads, %d cores%n", db,
                tenants, sources, threads, Runtime.getRuntime().availableProcessors());
        try (ControlPlane controlPlane = ControlPlane.open(settings, MasterKeys.of(MasterKey.of(new byte[32])))) {
            List<TenantId> ids = IntStream.rangeClosed(1, tenants)
                    .mapToObj(i -> TenantId.of(String.format(Locale.ROOT, "t%05d", i))).toList();
            double unpooled = dispatch("a new connection per call (before)", unpooled(settings), ids,
                    threads);
            clearSchedules(settings);
            double pooled;
            try (ControlPlaneDataSource dataSource = new ControlPlaneDataSource(settings)) {
                pooled = dispatch("ControlPlaneDataSource, pooled", dataSource, ids, threads);
            }
            System.out.printf(Locale.ROOT, "dispatch, pooled / a new connection per call: %.2fx%n",
                    pooled / unpooled);
            execute(controlPlane, ids, sources, taskMillis, threads);
        }
        finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * One due round of per-tenant schedules through db-scheduler and the run guard, against a plain pool; returns
     * the seconds of the round.
     */
    private static double dispatch(String label, DataSource dataSource, List<TenantId> tenants, int threads)
            throws Exception {
        ScheduleStore store = new ScheduleStore(dataSource, Clock.systemUTC());
        for (TenantId tenant : tenants) {
            store.add(new PipelineSchedule("daily-" + tenant, "daily", tenant, "* * * * *", ZoneId.of("UTC")));
        }
        // Register the executions as of two minutes ago, so the whole round is due when the scheduler starts.
        MovableClock clock = new MovableClock(Instant.now().minus(Duration.ofMinutes(2)));
        Set<String> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(tenants.size());
        RunGuard guard = new RunGuard(dataSource, Clock.systemUTC(), Duration.ofMinutes(2));
        PipelineScheduler.Options options = new PipelineScheduler.Options("bench", threads, Duration.ofMillis(100),
                Duration.ofHours(1));
        try (PipelineScheduler scheduler = new PipelineScheduler(dataSource, guard, () -> tenants,
                (schedule, due) -> {
                    if (ran.add(schedule.name())) {
                        done.countDown();
                    }
                    return ScheduleStatus.SUCCEEDED;
                }, options, clock)) {
            int registered = scheduler.sync();
            clock.set(Instant.now());
            long started = System.nanoTime();
            scheduler.start();
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + ran.size() + " of " + registered + " schedules ran");
            }
            double scheduled = BenchSupport.seconds(started);
            double plain = plainPool(tenants.size(), threads);
            System.out.printf(Locale.ROOT, "dispatch of one due round (%s): %d schedules in %.3f s (%.2f ms per "
                    + "run, guard taken and freed each time); plain pool of %d threads, same no-ops: %.4f s; "
                    + "ratio %.0fx%n", label, registered, scheduled, scheduled * 1000 / registered, threads, plain,
                    scheduled / plain);
            return scheduled;
        }
    }

    /** Drops the schedules and executions of a round, so the next round starts from the same state. */
    private static void clearSchedules(ControlPlaneSettings settings) throws SQLException {
        try (Connection connection = unpooled(settings).getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM scheduled_tasks");
            statement.executeUpdate("DELETE FROM schedules");
            statement.executeUpdate("DELETE FROM pipeline_locks");
        }
    }

    private static double plainPool(int tasks, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(tasks);
        Set<String> ran = ConcurrentHashMap.newKeySet();
        long started = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            String name = "daily-" + i;
            pool.execute(() -> {
                ran.add(name);
                done.countDown();
            });
        }
        done.await();
        double seconds = BenchSupport.seconds(started);
        pool.shutdown();
        return seconds;
    }

    /** One pipeline run over tenants x sources with fixed-length tasks, against its ideal wall time. */
    private static void execute(ControlPlane controlPlane, List<TenantId> tenants, int sources, int taskMillis,
            int threads) {
        List<String> names = IntStream.rangeClosed(1, sources).mapToObj(i -> "source" + i).toList();
        Fleet fleet = new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return tenants;
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return names;
            }
        };
        PipelineExecutor executor = new PipelineExecutor(Map.of(ProcessorType.SYNC, task -> {
            Thread.sleep(taskMillis);
            return TaskOutcome.rows(10, 10);
        }), fleet, controlPlane.pipelineRuns());
        String yaml = "parallelism: " + threads + "\nsteps:\n  - name: sync\n    processor: sync\n";
        long started = System.nanoTime();
        PipelineResult result = executor.run(PipelineLoader.parse("bench", Path.of("pipelines/bench.yml"), yaml,
                Set.of()), null, Map.of(), TaskListener.NONE);
        double wall = BenchSupport.seconds(started);
        long taskSum = result.tasks().stream().mapToLong(TaskRunRecord::durationMillis).sum();
        double ideal = tenants.size() * (double) names.size() * taskMillis / 1000.0 / threads;
        int count = result.tasks().size();
        System.out.printf(Locale.ROOT, "execution: %d tasks of %d ms, parallelism %d, %s: wall %.2f s; sum of the "
                        + "tasks' recorded durations %.2f s; ideal wall (sum of own durations / parallelism) %.2f s; "
                        + "ratio %.2fx; overhead %.2f ms per task%n", count, taskMillis, threads,
                result.run().status().key(), wall, taskSum / 1000.0, ideal, wall / ideal,
                (wall - ideal) * 1000 * threads / count);
    }

    /** What the schedule tables used before {@link ControlPlaneDataSource} pooled: a new connection per call. */
    private static DataSource unpooled(ControlPlaneSettings settings) {
        if (settings.url().startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(settings.url());
            postgres.setUser(settings.user());
            postgres.setPassword(settings.password());
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.url());
        return h2;
    }

    /** A clock the benchmark moves: schedules are registered in the past, then time returns to now. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
