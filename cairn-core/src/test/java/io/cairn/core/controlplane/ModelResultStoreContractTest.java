package io.cairn.core.controlplane;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.cairn.core.controlplane.ControlPlaneFixtures.ACME;
import static io.cairn.core.controlplane.ControlPlaneFixtures.ACME_TENANT;
import static io.cairn.core.controlplane.ControlPlaneFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The model-result store of the control plane, run against each database it supports. */
abstract class ModelResultStoreContractTest {
    private final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
    ControlPlane controlPlane;

    /** Settings for a new, empty database. */
    protected abstract ControlPlaneSettings newDatabase() throws Exception;

    @BeforeEach
    void openControlPlane() throws Exception {
        controlPlane = ControlPlane.open(newDatabase(), clock, ControlPlaneFixtures.KEYS);
    }

    @AfterEach
    void closeControlPlane() {
        controlPlane.close();
    }

    static ModelResultRecord result(String runId, String uniqueId, String status, Long rows, long failures,
            Instant started, double seconds) {
        String type = uniqueId.substring(0, uniqueId.indexOf('.'));
        String name = uniqueId.substring(uniqueId.lastIndexOf('.') + 1);
        return new ModelResultRecord(runId, uniqueId, type, name, "main." + name, status,
                status.equals("error") ? "Binder Error: column x not found" : "OK", rows, failures, started,
                started.plusMillis((long) (seconds * 1000)), seconds);
    }

    @Test
    void resultsRoundTripInCompletionOrderUnderTheirRun() {
        String run = controlPlane.runs().start("build", null);
        ModelResultRecord seed = result(run, "seed.jaffle.raw_orders", "success", 99L, 0, T0, 0.25);
        ModelResultRecord view = result(run, "model.jaffle.stg_orders", "success", null, 0, T0.plusMillis(300), 0.05);
        ModelResultRecord test = result(run, "test.jaffle.unique_orders_order_id", "fail", null, 3,
                T0.plusMillis(400), 0.125);
        ModelResultRecord skipped = result(run, "model.jaffle.customers", "skipped", null, 0, T0.plusSeconds(1), 0);

        assertThat(controlPlane.modelResults().insert(run, List.of(seed, view, test, skipped))).isEqualTo(4);
        controlPlane.runs().finish(run, "failed", "{\"error\":1}");

        assertThat(controlPlane.modelResults().list(run)).as("values, null rows and microsecond times survive")
                .containsExactly(seed, view, test, skipped);
        assertThat(controlPlane.runs().find(run)).map(RunRecord::status).contains("failed");
    }

    @Test
    void historyOfANodeIsNewestFirstAcrossRuns() {
        String first = controlPlane.runs().start("run", null);
        String second = controlPlane.runs().start("run", null);
        controlPlane.modelResults().insert(first, List.of(result(first, "model.p.orders", "error", null, 0, T0, 1)));
        controlPlane.modelResults().insert(second, List.of(
                result(second, "model.p.orders", "success", 42L, 0, T0.plusSeconds(60), 2),
                result(second, "model.p.other", "success", 7L, 0, T0.plusSeconds(61), 2)));

        assertThat(controlPlane.modelResults().history("model.p.orders", 10))
                .extracting(ModelResultRecord::runId, ModelResultRecord::status, ModelResultRecord::rowsAffected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, "success", 42L),
                        org.assertj.core.groups.Tuple.tuple(first, "error", null));
        assertThat(controlPlane.modelResults().history("model.p.orders", 1)).extracting(ModelResultRecord::runId)
                .containsExactly(second);
    }

    @Test
    void resultsOfAnUnknownRunAreRefusedAndNothingIsWritten() {
        CairnException error = catchThrowableOfType(CairnException.class, () -> controlPlane.modelResults()
                .insert("nope", List.of(result("nope", "model.p.orders", "success", 1L, 0, T0, 1))));

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.getMessage()).isEqualTo("Cannot record 1 model results of run nope: there is no such run");
        assertThat(controlPlane.modelResults().history("model.p.orders", 5)).isEmpty();
    }

    @Test
    void aBatchWithADuplicateNodeIsRolledBackWhole() {
        String run = controlPlane.runs().start("build", null);
        ModelResultRecord once = result(run, "model.p.orders", "success", 1L, 0, T0, 1);

        CairnException error = catchThrowableOfType(CairnException.class, () -> controlPlane.modelResults()
                .insert(run, List.of(result(run, "model.p.a", "success", 1L, 0, T0, 1), once, once)));

        assertThat(error.code()).isEqualTo(ErrorCode.CONTROL_PLANE);
        assertThat(controlPlane.modelResults().list(run)).as("one transaction").isEmpty();
    }

    @Test
    void longMessagesAreCutAndUnknownStatusesRefused() {
        String run = controlPlane.runs().start("test", null);
        String longMessage = "x".repeat(ModelResultStore.MAX_MESSAGE + 10);
        controlPlane.modelResults().insert(run, List.of(new ModelResultRecord(run, "test.p.t", "test", "t", null,
                "error", longMessage, null, 0, T0, T0, 0)));

        assertThat(controlPlane.modelResults().list(run)).singleElement()
                .satisfies(r -> assertThat(r.message()).hasSize(ModelResultStore.MAX_MESSAGE));
        CairnException error = catchThrowableOfType(CairnException.class, () -> new ModelResultRecord(run, "test.p.t",
                "test", "t", null, "passed", null, null, 0, T0, T0, 0));
        assertThat(error.getMessage()).isEqualTo("Cannot record the result of test.p.t: unknown status 'passed'");
    }

    @Test
    void removingTheTenantOfARunRemovesItsResults() {
        controlPlane.tenants().upsert(ACME_TENANT);
        String run = controlPlane.runs().start("build", ACME);
        controlPlane.modelResults().insert(run, List.of(result(run, "model.p.orders", "success", 1L, 0, T0, 1)));

        controlPlane.tenants().remove(ACME);

        assertThat(controlPlane.modelResults().history("model.p.orders", 5)).isEmpty();
    }
}
