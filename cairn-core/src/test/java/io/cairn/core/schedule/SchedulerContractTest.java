package io.cairn.core.schedule;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every control-plane database must do for schedules; subclasses supply a fresh database per test. */
abstract class SchedulerContractTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId BETA = TenantId.of("beta");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private ControlPlane controlPlane;
    private ControlPlaneDataSource dataSource;
    private ScheduleStore store;
    private final List<PipelineScheduler> schedulers = new ArrayList<>();
    private final Queue<String> ran = new ConcurrentLinkedQueue<>();

    protected abstract ControlPlaneSettings newDatabase() throws SQLException;

    @BeforeEach
    void openDatabase() throws SQLException {
        ControlPlaneSettings settings = newDatabase();
        controlPlane = ControlPlane.open(settings);
        dataSource = new ControlPlaneDataSource(settings);
        store = new ScheduleStore(dataSource, Clock.systemUTC());
    }

    @AfterEach
    void closeAll() {
        schedulers.forEach(PipelineScheduler::close);
        dataSource.close();
        controlPlane.close();
    }

    private PipelineScheduler node(String name, Clock clock) {
        RunGuard guard = new RunGuard(dataSource, clock, Duration.ofSeconds(30));
        PipelineScheduler scheduler = new PipelineScheduler(dataSource, guard, () -> List.of(ACME, BETA),
                this::record, new PipelineScheduler.Options(name, 2, Duration.ofMillis(100), Duration.ofSeconds(1)),
                clock);
        schedulers.add(scheduler);
        return scheduler;
    }

    private ScheduleStatus record(PipelineSchedule schedule, Instant due) {
        ran.add(schedule.name() + "@" + due);
        sleep(50);
        return ScheduleStatus.SUCCEEDED;
    }

    @Test
    void twoSchedulersRunEveryDueExecutionExactlyOnce() {
        store.add(new PipelineSchedule("every-second", "daily", null, "* * * * * *", UTC));
        node("node-a", Clock.systemUTC()).start();
        node("node-b", Clock.systemUTC()).start();

        sleep(4500);
        schedulers.forEach(PipelineScheduler::close);
        schedulers.clear();

        List<Instant> dues = ran.stream().map(run -> Instant.parse(run.substring(run.indexOf('@') + 1))).sorted()
                .toList();
        assertThat(new HashSet<>(dues)).as("no due time may run twice, whichever node picks it")
                .hasSameSizeAs(dues);
        assertThat(dues).as("a schedule firing every second for 4.5 s").hasSizeBetween(3, 6);
        for (int i = 1; i < dues.size(); i++) {
            assertThat(Duration.between(dues.get(i - 1), dues.get(i))).as("no due second was skipped: %s", dues)
                    .isEqualTo(Duration.ofSeconds(1));
        }
        ScheduleEntry entry = store.list().get(0);
        assertThat(entry.lastStatus()).isEqualTo(ScheduleStatus.SUCCEEDED);
        assertThat(entry.lastDue()).isEqualTo(dues.get(dues.size() - 1));
    }

    @Test
    void missedRunsDuringDowntimeRunOnceAtStartupThenTheNextFutureTime() {
        PipelineSchedule nightly = new PipelineSchedule("nightly", "daily", ACME, "0 3 * * *", UTC);
        store.add(nightly);
        Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS);
        node("before-downtime", Clock.fixed(threeDaysAgo, UTC)).sync();
        Instant missed = nightly.nextAfter(threeDaysAgo);
        assertThat(store.list().get(0).nextDue()).as("registered before the downtime").isEqualTo(missed);

        node("after-downtime", Clock.systemUTC()).start();
        waitFor(() -> !ran.isEmpty());
        sleep(1500);

        assertThat(ran).as("three missed nightly runs catch up as one run, not a burst")
                .containsExactly("nightly@" + missed);
        ScheduleEntry entry = store.list().get(0);
        assertThat(entry.nextDue()).as("then the schedule continues at its next future time")
                .isEqualTo(nightly.nextAfter(entry.lastFinished())).isAfter(Instant.now());
    }

    @Test
    void aScheduleDoesNotStartWhileThePipelineRunsForItsTenant() {
        store.add(new PipelineSchedule("acme-often", "daily", ACME, "* * * * * *", UTC));
        RunGuard guard = new RunGuard(dataSource, Clock.systemUTC(), Duration.ofMinutes(1));
        RunGuard.Lease manual = guard.tryAcquire("daily", false, List.of(ACME), "cli-run").orElseThrow();
        node("node-a", Clock.systemUTC()).start();

        waitFor(() -> store.list().get(0).lastStatus() == ScheduleStatus.OVERLAPPED);
        assertThat(ran).as("no scheduled run while another run of daily holds acme").isEmpty();
        assertThat(store.list().get(0).lastMessage()).isEqualTo("pipeline daily was still running for acme");

        manual.close();
        waitFor(() -> !ran.isEmpty());
        assertThat(ran.peek()).startsWith("acme-often@");
    }

    @Test
    void guardRefusesASecondRunOfThePipelineForTheSameTenant() {
        RunGuard guard = new RunGuard(dataSource, Clock.systemUTC(), Duration.ofMinutes(1));
        RunGuard.Lease acme = guard.tryAcquire("daily", false, List.of(ACME), "first").orElseThrow();

        assertThat(guard.tryAcquire("daily", false, List.of(ACME), "second")).as("same pipeline, same tenant")
                .isEmpty();
        assertThat(guard.tryAcquire("daily", true, List.of(ACME, BETA), "all")).as("a run over every tenant "
                + "includes acme").isEmpty();
        RunGuard.Lease beta = guard.tryAcquire("daily", false, List.of(BETA), "beta").orElseThrow();
        RunGuard.Lease other = guard.tryAcquire("hourly", false, List.of(ACME), "other").orElseThrow();
        beta.close();
        other.close();
        assertThat(guard.tryAcquire("daily", true, List.of(ACME, BETA), "all")).as("acme still held").isEmpty();

        acme.close();
        RunGuard.Lease all = guard.tryAcquire("daily", true, List.of(ACME, BETA), "all").orElseThrow();
        assertThat(guard.tryAcquire("daily", true, List.of(), "all-again")).as("two runs over every tenant")
                .isEmpty();
        all.close();
    }

    @Test
    void anExpiredLeaseOfAKilledProcessIsTakenOver() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        RunGuard before = new RunGuard(dataSource, Clock.fixed(start, UTC), Duration.ofMinutes(2));
        before.tryAcquire("daily", false, List.of(ACME), "killed").orElseThrow();
        RunGuard soon = new RunGuard(dataSource, Clock.fixed(start.plusSeconds(60), UTC), Duration.ofMinutes(2));
        RunGuard later = new RunGuard(dataSource, Clock.fixed(start.plusSeconds(180), UTC), Duration.ofMinutes(2));

        assertThat(soon.tryAcquire("daily", false, List.of(ACME), "next")).as("lease still valid").isEmpty();
        assertThat(later.tryAcquire("daily", false, List.of(ACME), "next")).as("lease expired").isPresent();
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
