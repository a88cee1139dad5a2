package io.cairn.core.sync;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.core.alert.Alert;
import io.cairn.core.alert.AlertPolicy;
import io.cairn.core.alert.AlertRouter;
import io.cairn.core.alert.RunOutcome;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/**
 * Tells a tenant's alert channels that a source needs re-authorisation, through the alert routing every pipeline
 * uses: one alert key per tenant and source ({@code tenant/sync/<source>/<tenant>}), opened on the first sync that
 * finds the grant refused, never re-sent while it stays refused, resolved by the first sync that reads the source
 * again. Only the tenant hears about it: the run is limited to that tenant, so the platform routing stays quiet.
 */
public final class ReauthAlerts {
    /** One refused grant is enough: retrying cannot fix it, only the merchant can. */
    public static final AlertPolicy POLICY = new AlertPolicy(1, 1.0, Integer.MAX_VALUE);

    private final AlertRouter router;
    private final Clock clock;

    public ReauthAlerts(AlertRouter router, Clock clock) {
        this.router = requireNonNull(router, "router is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The pseudo-pipeline whose alert state holds the source's re-authorisation alert. */
    public static String pipeline(SourceDefinition source) {
        return "sync/" + source.name();
    }

    /**
     * The command that re-authorises the source: {@code cairn credentials set} of the credential its connector
     * names ({@link io.cairn.spi.source.SourceFactory#reauthorisationKey()}).
     */
    public static String command(SourceDefinition source) {
        String key = SourceFactories.find(source.type()).reauthorisationKey().orElse("<credential>");
        return String.format("cairn credentials set %s %s %s", source.tenant(), source.name(), key);
    }

    /** The source's grant was refused (now, or by an earlier sync); returns the alerts delivered. */
    public List<Alert> refused(SourceDefinition source, String runId, String reason) {
        String detail = String.format("source %s of tenant %s needs re-authorisation (%s): store the new credential "
                + "with `%s`", source.name(), source.tenant(), reason, command(source));
        return route(source, runId, Map.of(source.tenant(), List.of(detail)));
    }

    /** The source was read with its grant; resolves an open re-authorisation alert. */
    public List<Alert> authorised(SourceDefinition source, String runId) {
        return route(source, runId, Map.of());
    }

    private List<Alert> route(SourceDefinition source, String runId, Map<TenantId, List<String>> failed) {
        return router.route(new RunOutcome(runId, pipeline(source), source.tenant(), clock.instant(),
                Set.of(source.tenant()), failed, List.of()));
    }
}
