package io.cairn.core.orchestrate;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.cairn.core.orchestrate.OrchestrateFixtures.KEYS;
import static io.cairn.core.orchestrate.OrchestrateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline run history of the control plane, run against each database it supports. */
abstract class PipelineRunStoreContractTest {
    private static final TenantId ACME = TenantId.of("acme");
    ControlPlane controlPlane;
    PipelineRunStore store;

    /** Settings for a new, empty database. */
    protected abstract ControlPlaneSettings newDatabase() throws Exception;

    @BeforeEach
    void openControlPlane() throws Exception {
        controlPlane = ControlPlane.open(newDatabase(), KEYS);
        store = controlPlane.pipelineRuns();
    }

    @AfterEach
    void closeControlPlane() {
        controlPlane.close();
    }

    @Test
    void runAndTasksRoundTripWithRowsErrorsAndAttempts() {
        store.start(new PipelineRunRecord("R1", "daily", ACME, RunStatus.RUNNING, T0, null, 0, 0, null));
        TaskRunRecord sync = TaskRunRecord.running("R1", "sync", ACME, "shopify", T0)
                .finish(RunStatus.SUCCEEDED, 3, T0.plusMillis(1500), TaskOutcome.rows(120, 118), null);
        TaskRunRecord build = TaskRunRecord.running("R1", "build", null, null, T0.plusSeconds(2))
                .finish(RunStatus.FAILED, 1, T0.plusSeconds(5), null, new IllegalStateException("model broke"));
        store.recordTask(TaskRunRecord.running("R1", "sync", ACME, "shopify", T0));
        store.recordTask(sync);
        store.recordTask(build);
        store.finish("R1", RunStatus.FAILED, T0.plusSeconds(6), 2, 1, "1 of 2 tasks failed");

        assertThat(store.tasks("R1")).as("the finished row replaces the running one; values survive")
                .containsExactly(sync, build);
        assertThat(sync.attempt()).isEqualTo(3);
        assertThat(sync.durationMillis()).isEqualTo(1500L);
        assertThat(build.errorClass()).isEqualTo("IllegalStateException");
        assertThat(store.find("R1")).contains(new PipelineRunRecord("R1", "daily", ACME, RunStatus.FAILED, T0,
                T0.plusSeconds(6), 2, 1, "1 of 2 tasks failed"));
    }

    @Test
    void listIsNewestFirst() {
        store.start(new PipelineRunRecord("R1", "daily", null, RunStatus.RUNNING, T0, null, 0, 0, null));
        store.start(new PipelineRunRecord("R2", "hourly", null, RunStatus.RUNNING, T0, null, 0, 0, null));
        store.start(new PipelineRunRecord("R3", "daily", null, RunStatus.RUNNING, T0, null, 0, 0, null));

        assertThat(store.list(2)).extracting(PipelineRunRecord::runId).containsExactly("R3", "R2");
    }

    @Test
    void staleRunningRunsOfThePipelineAreClosedAsAbandoned() {
        Instant later = T0.plusSeconds(3600);
        store.start(new PipelineRunRecord("R1", "daily", null, RunStatus.RUNNING, T0, null, 0, 0, null));
        store.recordTask(TaskRunRecord.running("R1", "sync", ACME, "shopify", T0));
        store.recordTask(TaskRunRecord.running("R1", "sync", ACME, "stripe", T0)
                .finish(RunStatus.SUCCEEDED, 1, T0.plusSeconds(1), TaskOutcome.NONE, null));
        store.start(new PipelineRunRecord("R2", "hourly", null, RunStatus.RUNNING, T0, null, 0, 0, null));

        assertThat(store.abandonRunning("daily", later)).containsExactly("R1");

        assertThat(store.find("R1")).map(PipelineRunRecord::status).contains(RunStatus.ABANDONED);
        assertThat(store.find("R1")).map(PipelineRunRecord::finishedAt).contains(later);
        assertThat(store.tasks("R1")).extracting(TaskRunRecord::source, TaskRunRecord::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shopify", RunStatus.ABANDONED),
                org.assertj.core.groups.Tuple.tuple("stripe", RunStatus.SUCCEEDED));
        assertThat(store.find("R2")).as("another pipeline's run is left alone").map(PipelineRunRecord::status)
                .contains(RunStatus.RUNNING);
    }

    @Test
    void cleanupClosesOnlyRunsWhoseHolderLeaseExpired() {
        Instant now = T0.plusSeconds(600);
        store.start(new PipelineRunRecord("LIVE", "daily", null, RunStatus.RUNNING, T0, null, 0, 0, null), "node-a",
                now.minusSeconds(30));
        store.start(new PipelineRunRecord("DEAD", "daily", null, RunStatus.RUNNING, T0, null, 0, 0, null), "node-b",
                now.minusSeconds(1));

        assertThat(store.heartbeat("LIVE", now.plusSeconds(120))).as("no cancel requested").isFalse();
        assertThat(store.abandonRunning("daily", now)).as("node-a renewed its lease; node-b's expired")
                .containsExactly("DEAD");
        assertThat(store.find("LIVE")).map(PipelineRunRecord::status).contains(RunStatus.RUNNING);
        assertThat(store.abandonRunning("daily", now.plusSeconds(121))).containsExactly("LIVE");
    }

    @Test
    void cancelRequestIsSeenAtTheNextHeartbeatOfARunningRun() {
        store.start(new PipelineRunRecord("R1", "daily", null, RunStatus.RUNNING, T0, null, 0, 0, null), "node-a",
                T0.plusSeconds(60));

        assertThat(store.requestCancel("R1")).isTrue();
        assertThat(store.heartbeat("R1", T0.plusSeconds(90))).isTrue();
        store.finish("R1", RunStatus.CANCELLED, T0.plusSeconds(91), 0, 0, "cancelled on request");
        assertThat(store.find("R1")).map(PipelineRunRecord::status).contains(RunStatus.CANCELLED);
        assertThat(store.requestCancel("R1")).as("only a running run can be cancelled").isFalse();
    }

    @Test
    void watermarkIsReplacedBySyncsThatSucceedLater() {
        SourceWatermarks watermarks = store.watermarks();
        assertThat(watermarks.find(ACME, "shopify")).isEmpty();
        watermarks.advance(ACME, "shopify", T0, "R1");
        watermarks.advance(ACME, "shopify", T0.plusSeconds(5), "R2");
        assertThat(watermarks.find(ACME, "shopify")).contains(T0.plusSeconds(5));
        assertThat(watermarks.find(ACME, "books")).isEmpty();
    }
}
