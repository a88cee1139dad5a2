package io.cairn.core.alert;

import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Turns pipeline outcomes into alerts. The platform on-call hears about global failures (a step of no tenant failed,
 * or more tenants failed at once than the policy allows) at once; a tenant's own channels hear about that tenant
 * only after {@link AlertPolicy#consecutiveFailures()} failed runs in a row. Each key has at most one open alert:
 * nothing is re-sent while it stays failing, and one resolve goes out when it recovers. The state lives in the
 * control plane, so a restart changes none of this. A trigger or resolve that no channel accepted is tried again
 * after the next run.
 */
public final class AlertRouter {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRouter.class);
    private static final int MAX_DETAILS = 50;

    private final AlertStore store;
    private final AlertChannels channels;
    private final AlertPolicy policy;
    private final Clock clock;

    public AlertRouter(AlertStore store, AlertChannels channels, AlertPolicy policy, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.channels = requireNonNull(channels, "channels is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Routes the outcome of a finished run; returns the alerts that were delivered, platform first. */
    public List<Alert> route(PipelineResult result) {
        return route(RunOutcome.of(result));
    }

    /** Routes one run's outcome; returns the alerts that were delivered, platform first. */
    public synchronized List<Alert> route(RunOutcome outcome) {
        requireNonNull(outcome, "outcome is null");
        Pass pass = new Pass(outcome, store.load(outcome.pipeline()), clock.instant());
        pass.platform();
        for (TenantId tenant : new TreeSet<>(outcome.tenants())) {
            pass.tenant(tenant);
        }
        store.save(pass.changed);
        return List.copyOf(pass.sent);
    }

    static String platformKey(String pipeline) {
        return "platform/" + pipeline;
    }

    static String tenantKey(String pipeline, TenantId tenant) {
        return "tenant/" + pipeline + "/" + tenant.value();
    }

    /** One routing of one outcome. */
    private final class Pass {
        private final RunOutcome outcome;
        private final Map<String, AlertState> states;
        private final Instant now;
        private final List<AlertState> changed = new ArrayList<>();
        private final List<Alert> sent = new ArrayList<>();

        Pass(RunOutcome outcome, Map<String, AlertState> states, Instant now) {
            this.outcome = outcome;
            this.states = states;
            this.now = now;
        }

        void platform() {
            int failing = outcome.tenantFailures().size();
            boolean global = !outcome.globalFailures().isEmpty();
            boolean widespread = outcome.limitedTo() == null && policy.widespread(failing, outcome.tenants().size());
            if (!global && !widespread && outcome.limitedTo() != null) {
                return;
            }
            String summary = global ? "pipeline " + outcome.pipeline() + ": global step(s) failed"
                    + (failing == 0 ? "" : ", and " + failing + " of " + outcome.tenants().size() + " tenants")
                    : "pipeline " + outcome.pipeline() + ": " + failing + " of " + outcome.tenants().size()
                            + " tenants failed at once";
            List<String> details = new ArrayList<>(outcome.globalFailures());
            outcome.tenantFailures().values().forEach(details::addAll);
            AlertState state = stateOf(platformKey(outcome.pipeline()), null);
            step(state, global || widespread, 1, summary, details, Severity.CRITICAL, null);
        }

        void tenant(TenantId tenant) {
            boolean failed = outcome.failed(tenant);
            AlertState state = stateOf(tenantKey(outcome.pipeline(), tenant), tenant);
            String summary = "tenant " + tenant.value() + ": pipeline " + outcome.pipeline() + " failed "
                    + (state.consecutiveFailures() + 1) + " runs in a row";
            step(state, failed, policy.consecutiveFailures(), summary,
                    outcome.tenantFailures().getOrDefault(tenant, List.of()), Severity.ERROR, tenant);
        }

        private void step(AlertState before, boolean failed, int threshold, String summary, List<String> details,
                Severity severity, TenantId tenant) {
            AlertState state = failed ? before.failedIn(outcome.runId(), now) : before.succeededIn(outcome.runId(), now);
            if (failed && !state.open() && state.consecutiveFailures() >= threshold) {
                List<String> cut = details.size() <= MAX_DETAILS ? details : details.subList(0, MAX_DETAILS);
                if (deliver(alert(state, AlertAction.TRIGGER, severity, summary, cut), tenant)) {
                    state = state.opened(now);
                }
            } else if (!failed && state.open()) {
                String recovered = (tenant == null ? "pipeline " + outcome.pipeline()
                        : "tenant " + tenant.value() + ": pipeline " + outcome.pipeline()) + " recovered";
                if (deliver(alert(state, AlertAction.RESOLVE, severity, recovered, List.of()), tenant)) {
                    state = state.closed(now);
                }
            }
            if (states.containsKey(state.key()) || !state.quiet()) {
                changed.add(state);
            }
        }

        private AlertState stateOf(String key, TenantId tenant) {
            AlertState state = states.get(key);
            return state != null ? state : AlertState.fresh(key, outcome.pipeline(), tenant, now);
        }

        private Alert alert(AlertState state, AlertAction action, Severity severity, String summary,
                List<String> details) {
            return new Alert(state.key(), action, severity, summary, state.tenant(), outcome.pipeline(),
                    outcome.runId(), now, details);
        }

        /** True when some channel took the alert, or there is none to take it. */
        private boolean deliver(Alert alert, TenantId tenant) {
            List<AlertChannel> targets = tenant == null ? channels.platform() : channels.tenant(tenant);
            if (targets.isEmpty()) {
                LOG.warn("No alert channel is configured for {}; alert {} ({}) goes nowhere",
                        tenant == null ? "the platform" : "tenant " + tenant.value(), alert.key(), alert.action().key());
                return true;
            }
            boolean delivered = false;
            for (AlertChannel channel : targets) {
                try {
                    channel.send(alert);
                    delivered = true;
                } catch (CairnException e) {
                    LOG.warn("Alert {} ({}) was not delivered to {}: {}", alert.key(), alert.action().key(),
                            channel.name(), e.getMessage());
                }
            }
            if (delivered) {
                LOG.info("Sent alert {} ({}): {}", alert.key(), alert.action().key(), alert.summary());
                sent.add(alert);
            }
            return delivered;
        }
    }
}
