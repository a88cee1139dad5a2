package io.cairn.server.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.apikeys.IdempotencyStore;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.orchestrate.PipelineRunRecord;
import io.cairn.core.orchestrate.PipelineRunStore;
import io.cairn.server.auth.Principal;
import io.cairn.server.auth.Quotas;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Audits;
import io.cairn.server.http.Json;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.TenantId;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs: start a pipeline for a tenant (idempotent under an {@code Idempotency-Key}), list a tenant's runs, read one
 * with its tasks, cancel one. A tenant's key sees only its tenant's runs; another tenant's run reads as 404.
 */
public final class RunRoutes {
    private static final Pattern RUN_ID = Pattern.compile("^[0-9A-Z]{26}$");
    private static final Pattern VARIABLE = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final int MAX_KEY = 255;

    private final ControlPlane controlPlane;
    private final PipelineRunStore runs;
    private final RunLauncher launcher;
    private final Quotas quotas;
    private final Object idempotencyLock = new Object();

    public RunRoutes(ControlPlane controlPlane, RunLauncher launcher, Quotas quotas) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.runs = controlPlane.pipelineRuns();
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    public void addTo(RouteTable table) {
        table.post("/tenants/{tenant}/runs", Access.TENANT_WRITE, "run.start",
                        "Start a pipeline run for the tenant (Idempotency-Key header supported)", 202, this::start)
                .get("/tenants/{tenant}/runs", Access.TENANT_READ, "run.list", "List the tenant's runs", this::list)
                .get("/runs/{run}", Access.ANY_KEY, "run.read", "Read a run with its tasks", this::read)
                .post("/runs/{run}/cancel", Access.ANY_KEY, "run.cancel", "Cancel a run", 202, this::cancel);
    }

    private void start(Context ctx) {
        TenantId tenant = Requests.tenant(ctx);
        if (controlPlane.tenants().find(tenant).isEmpty()) {
            throw ApiException.notFound("No tenant %s", tenant);
        }
        ObjectNode body = Requests.body(ctx);
        String pipeline = Requests.checkName(Requests.optionalString(body, "pipeline").orElse("daily"), "pipeline");
        Map<String, String> vars = new TreeMap<>(Requests.optionalStrings(body, "vars").orElse(Map.of()));
        vars.forEach((name, value) -> {
            if (!VARIABLE.matcher(name).matches() || value == null) {
                throw ApiException.invalid("vars." + name, "A variable is a lower-case name with a string value");
            }
        });
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            ctx.status(202).json(started(launch(tenant, pipeline, vars), pipeline, tenant, false));
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw ApiException.invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to %d characters",
                    MAX_KEY);
        }
        String hash = IdempotencyStore.hash(canonical(pipeline, vars));
        synchronized (idempotencyLock) {
            Optional<IdempotencyStore.Entry> seen = controlPlane.idempotency().find(tenant, key);
            if (seen.isPresent()) {
                if (!seen.get().requestHash().equals(hash)) {
                    throw ApiException.conflict("Idempotency-Key '%s' was used for a different request of tenant %s "
                            + "(run %s); use a new key", key, tenant, seen.get().runId());
                }
                Audits.detail(ctx, "replayed run " + seen.get().runId());
                ctx.status(200).json(started(seen.get().runId(), pipeline, tenant, true));
                return;
            }
            String runId = launch(tenant, pipeline, vars);
            controlPlane.idempotency().remember(tenant, key, hash, runId);
            ctx.status(202).json(started(runId, pipeline, tenant, false));
        }
    }

    private String launch(TenantId tenant, String pipeline, Map<String, String> vars) {
        quotas.checkRun(tenant);
        return launcher.start(pipeline, tenant, vars);
    }

    private static Map<String, Object> started(String runId, String pipeline, TenantId tenant, boolean replayed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("run_id", runId);
        answer.put("pipeline", pipeline);
        answer.put("tenant", tenant.value());
        answer.put("replayed", replayed);
        answer.put("href", RouteTable.BASE + "/runs/" + runId);
        return answer;
    }

    private static String canonical(String pipeline, Map<String, String> vars) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("pipeline", pipeline, "vars", new TreeMap<>(vars)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise", e);
        }
    }

    private void list(Context ctx) {
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 1000);
        ctx.json(Map.of("runs", runs.list(Requests.tenant(ctx), limit).stream()
                .map(run -> RunView.of(run, null)).toList()));
    }

    private void read(Context ctx) {
        String runId = ctx.pathParam("run");
        Optional<PipelineRunRecord> run = RUN_ID.matcher(runId).matches() ? runs.find(runId) : Optional.empty();
        if (run.isPresent()) {
            visible(ctx, run.get().tenant(), runId);
            ctx.json(RunView.of(run.get(), runs.tasks(runId)));
            return;
        }
        RunLauncher.Queued queued = launcher.queued(runId).orElseThrow(() -> ApiException.notFound("No run %s",
                runId));
        visible(ctx, queued.tenant(), runId);
        ctx.json(RunView.queued(queued));
    }

    private void cancel(Context ctx) {
        String runId = ctx.pathParam("run");
        Optional<PipelineRunRecord> stored = RUN_ID.matcher(runId).matches() ? runs.find(runId) : Optional.empty();
        Optional<RunLauncher.Queued> queued = stored.isPresent() ? Optional.empty() : launcher.queued(runId);
        if (stored.isEmpty() && queued.isEmpty()) {
            throw ApiException.notFound("No run %s", runId);
        }
        TenantId tenant = stored.map(PipelineRunRecord::tenant).orElseGet(() -> queued.get().tenant());
        visible(ctx, tenant, runId);
        if (tenant != null) {
            Requests.principal(ctx).checkWrite(tenant.value());
        }
        // a recorded run is cancelled through the control plane, so the node running it (this one or another)
        // stops its tasks and records the run as cancelled; a run still queued here has nothing recorded yet
        boolean cancelled = stored.isPresent() ? runs.requestCancel(runId) : launcher.cancel(runId);
        if (!cancelled) {
            throw ApiException.conflict("Run %s is not running", runId);
        }
        ctx.status(202).json(Map.of("run_id", runId, "cancelled", true));
    }

    /** 404 (audited as denied) unless the caller may read runs of {@code tenant}; a run of every tenant is admin's. */
    private static void visible(Context ctx, TenantId tenant, String runId) {
        Principal principal = Requests.principal(ctx);
        if (tenant != null) {
            Audits.tenant(ctx, tenant);
        }
        if (!principal.isAdmin() && (tenant == null || !principal.canRead(tenant.value()))) {
            Audits.denied(ctx);
            throw ApiException.notFound("No run %s", runId);
        }
    }
}
