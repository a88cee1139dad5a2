package io.cairn.core.alert;

import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Constants and helpers shared by the alert tests. */
final class AlertFixtures {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId PLATFORM = TenantId.of("platform");
    static final MasterKeys KEYS = MasterKeys.of(MasterKey.of(new byte[32]));
    static final HttpSender HTTP = new HttpSender(Duration.ofSeconds(5));

    private AlertFixtures() {
    }

    static Alert trigger(TenantId tenant) {
        return new Alert("tenant/daily/acme", AlertAction.TRIGGER, Severity.ERROR,
                "tenant acme: pipeline daily failed 2 runs in a row", tenant, "daily", "run-42", T0,
                List.of("sync/acme/shopify: failed after 1 attempt(s): AuthException: 401 Unauthorized"));
    }

    static Alert resolve(TenantId tenant) {
        return new Alert("tenant/daily/acme", AlertAction.RESOLVE, Severity.ERROR,
                "tenant acme: pipeline daily recovered", tenant, "daily", "run-43", T0.plusSeconds(3600), List.of());
    }
}
