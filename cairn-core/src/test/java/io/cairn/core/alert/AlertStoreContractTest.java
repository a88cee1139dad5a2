package io.cairn.core.alert;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cairn.core.alert.AlertFixtures.ACME;
import static io.cairn.core.alert.AlertFixtures.KEYS;
import static io.cairn.core.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every control-plane database must do with {@code alert_state}. */
abstract class AlertStoreContractTest {
    protected abstract ControlPlaneSettings newDatabase() throws Exception;

    @Test
    void statesRoundTripAndQuietOnesAreDeleted() throws Exception {
        ControlPlaneSettings settings = newDatabase();
        try (ControlPlane ignored = ControlPlane.open(settings, KEYS)) {
            AlertStore store = AlertStore.connect(settings);
            AlertState open = new AlertState("tenant/daily/acme", "daily", ACME, 3, true, T0.plusSeconds(60),
                    T0.plusSeconds(120), "run-3");
            AlertState platform = new AlertState("platform/daily", "daily", null, 1, false, null, T0, "run-3");
            AlertState other = new AlertState("tenant/hourly/acme", "hourly", TenantId.of("acme"), 1, false, null, T0,
                    "run-9");
            store.save(List.of(open, platform, other));

            assertThat(store.load("daily")).isEqualTo(Map.of(open.key(), open, platform.key(), platform));

            store.save(List.of(open.succeededIn("run-4", T0.plusSeconds(180)).closed(T0.plusSeconds(180)),
                    platform.failedIn("run-4", T0.plusSeconds(180))));
            Map<String, AlertState> after = store.load("daily");
            assertThat(after).as("a recovered, resolved key leaves no row").containsOnlyKeys("platform/daily");
            assertThat(after.get("platform/daily").consecutiveFailures()).isEqualTo(2);
            assertThat(after.get("platform/daily").lastRunId()).isEqualTo("run-4");
        }
    }
}
