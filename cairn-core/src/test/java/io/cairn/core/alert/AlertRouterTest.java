package io.cairn.core.alert;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static io.cairn.core.alert.AlertFixtures.HTTP;
import static io.cairn.core.alert.AlertFixtures.KEYS;
import static io.cairn.core.alert.AlertFixtures.PLATFORM;
import static io.cairn.core.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing over a fleet of 200 tenants on a real control plane (H2 file): channels configured in its encrypted
 * credential store, webhooks received by a local HTTP server, alert state surviving a reopen.
 */
class AlertRouterTest {
    private static final List<TenantId> FLEET = IntStream.rangeClosed(1, 200)
            .mapToObj(i -> TenantId.of(String.format("t%03d", i))).toList();
    /** 10% of the fleet: t001..t020. */
    private static final Set<TenantId> BROKEN = Set.copyOf(FLEET.subList(0, 20));

    @TempDir
    Path dir;

    private ControlPlaneSettings settings;
    private ControlPlane controlPlane;
    private HttpReceiver receiver;
    private int runs;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new HttpReceiver();
        settings = ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
        controlPlane = ControlPlane.open(settings, KEYS);
        for (TenantId tenant : concat(FLEET, PLATFORM)) {
            controlPlane.tenants().upsert(new Tenant(tenant, tenant.value(), Tenancy.SHARED, ZoneId.of("UTC"), "USD",
                    T0));
            String path = tenant.equals(PLATFORM) ? "/platform" : "/tenant/" + tenant.value();
            controlPlane.credentials().compareAndSet(tenant, AlertChannels.SOURCE, "webhook.url", null,
                    receiver.uri(path).toString());
        }
    }

    @AfterEach
    void tearDown() {
        controlPlane.close();
        receiver.close();
    }

    @Test
    void tenPercentFailingGivesExactlyOneAlertPerFailingTenantAfterTwoRuns() {
        AlertRouter router = router(AlertPolicy.DEFAULT);
        Set<TenantId> blip = Set.copyOf(FLEET.subList(100, 105));

        router.route(outcome(t -> BROKEN.contains(t) || blip.contains(t)));
        assertThat(receiver.requests()).as("one failed run pages nobody").isEmpty();

        router.route(outcome(BROKEN::contains));
        router.route(outcome(BROKEN::contains));

        List<HttpReceiver.Request> sent = receiver.requests();
        assertThat(sent).extracting(HttpReceiver.Request::path).as("one alert per broken tenant, to its own channel")
                .containsExactlyInAnyOrderElementsOf(BROKEN.stream().map(t -> "/tenant/" + t.value()).toList());
        assertThat(sent).allSatisfy(r -> assertThat(r.json().get("event").asText()).isEqualTo("trigger"));
        assertThat(sent.get(0).json().get("summary").asText()).matches("tenant t0\\d\\d: pipeline daily failed 2 runs "
                + "in a row");
        assertThat(receiver.requests("/platform")).as("20 of 200 is below the platform threshold").isEmpty();
    }

    @Test
    void singleTransientFailurePagesNobodyAndLeavesNoState() {
        AlertRouter router = router(AlertPolicy.DEFAULT);

        router.route(outcome(t -> t.equals(FLEET.get(7))));
        router.route(outcome(t -> false));
        router.route(outcome(t -> t.equals(FLEET.get(7))));

        assertThat(receiver.requests()).isEmpty();
        assertThat(store().load("daily")).as("failures in a row restart from zero after a success")
                .containsOnlyKeys("tenant/daily/t008");
        assertThat(store().load("daily").get("tenant/daily/t008").consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void noDuplicatesAcrossRestartAndOneResolveOnRecovery() {
        router(AlertPolicy.DEFAULT).route(outcome(BROKEN::contains));
        router(AlertPolicy.DEFAULT).route(outcome(BROKEN::contains));
        assertThat(receiver.requests()).hasSize(20);

        controlPlane.close();
        controlPlane = ControlPlane.open(settings, KEYS);
        receiver.clear();
        AlertRouter reopened = router(AlertPolicy.DEFAULT);
        reopened.route(outcome(BROKEN::contains));
        assertThat(receiver.requests()).as("still failing after a restart: nothing re-sent").isEmpty();

        Set<TenantId> stillBroken = Set.copyOf(FLEET.subList(0, 5));
        reopened.route(outcome(stillBroken::contains));
        List<HttpReceiver.Request> resolves = receiver.requests();
        assertThat(resolves).hasSize(15);
        assertThat(resolves).allSatisfy(r -> assertThat(r.json().get("event").asText()).isEqualTo("resolve"));
        assertThat(resolves).extracting(r -> r.json().get("key").asText()).contains("tenant/daily/t020")
                .doesNotContain("tenant/daily/t001");
        assertThat(store().load("daily")).hasSize(5);
    }

    @Test
    void platformIsPagedOnceWhenTheFailingShareCrossesTheThreshold() {
        AlertRouter router = router(new AlertPolicy(2, 0.15, 50));
        Set<TenantId> many = Set.copyOf(FLEET.subList(0, 40));

        router.route(outcome(BROKEN::contains));
        assertThat(receiver.requests("/platform")).as("10% is under 15%").isEmpty();
        router.route(outcome(many::contains));
        router.route(outcome(many::contains));

        List<HttpReceiver.Request> platform = receiver.requests("/platform");
        assertThat(platform).hasSize(1);
        assertThat(platform.get(0).json().get("summary").asText())
                .isEqualTo("pipeline daily: 40 of 200 tenants failed at once");
        assertThat(platform.get(0).json().get("severity").asText()).isEqualTo("critical");
        assertThat(platform.get(0).json().get("details")).hasSize(40);

        router.route(outcome(t -> false));
        platform = receiver.requests("/platform");
        assertThat(platform).hasSize(2);
        assertThat(platform.get(1).json().get("event").asText()).isEqualTo("resolve");
        assertThat(platform.get(1).json().get("summary").asText()).isEqualTo("pipeline daily recovered");
    }

    @Test
    void failedGlobalStepPagesThePlatformAtOnceAndNoTenant() {
        AlertRouter router = router(AlertPolicy.DEFAULT);

        router.route(outcome(t -> false, "build: failed after 1 attempt(s): CairnException: model orders failed"));

        List<HttpReceiver.Request> sent = receiver.requests();
        assertThat(sent).extracting(HttpReceiver.Request::path).containsExactly("/platform");
        assertThat(sent.get(0).json().get("summary").asText()).isEqualTo("pipeline daily: global step(s) failed");
        assertThat(sent.get(0).json().at("/details/0").asText()).startsWith("build: failed");
    }

    @Test
    void undeliveredTriggerIsTriedAgainAfterTheNextRun() {
        AlertRouter router = router(AlertPolicy.DEFAULT);
        Predicate<TenantId> one = t -> t.equals(FLEET.get(0));
        router.route(outcome(one));
        receiver.answer(500, 500);
        assertThat(router.route(outcome(one))).isEmpty();
        assertThat(router.route(outcome(one))).extracting(Alert::key).containsExactly("tenant/daily/t001");
        assertThat(receiver.requests()).as("two failed attempts, then the delivered one").hasSize(3);
    }

    private AlertRouter router(AlertPolicy policy) {
        return new AlertRouter(store(), new AlertChannels(controlPlane.credentials(), PLATFORM, HTTP), policy,
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    private AlertStore store() {
        return AlertStore.connect(settings);
    }

    private RunOutcome outcome(Predicate<TenantId> failing, String... global) {
        runs++;
        Map<TenantId, List<String>> failures = new HashMap<>();
        for (TenantId tenant : FLEET) {
            if (failing.test(tenant)) {
                failures.put(tenant, List.of("sync/" + tenant.value() + "/shopify: failed after 1 attempt(s): "
                        + "AuthException: 401"));
            }
        }
        return new RunOutcome("run-" + runs, "daily", null, T0.plusSeconds(runs * 86_400L), Set.copyOf(FLEET),
                failures, List.of(global));
    }

    private static List<TenantId> concat(List<TenantId> tenants, TenantId more) {
        List<TenantId> all = new ArrayList<>(tenants);
        all.add(more);
        return all;
    }
}
