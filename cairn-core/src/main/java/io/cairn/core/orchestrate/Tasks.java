package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Expands a step into its tasks, with every variable resolved for each. */
final class Tasks {
    private Tasks() {
    }

    static List<TaskContext> expand(String runId, String pipeline, StepSpec step, List<TenantId> tenants, Fleet fleet,
            Map<String, String> runVars, int failedSoFar, List<SourceFence> fences) {
        Expansion expansion = new Expansion(runId, pipeline, step, fleet, runVars, failedSoFar, fences);
        List<TaskContext> tasks = new ArrayList<>();
        if (step.scope() == StepScope.GLOBAL) {
            tasks.add(expansion.task(null, null));
            return tasks;
        }
        for (TenantId tenant : tenants) {
            if (step.scope() == StepScope.TENANT) {
                tasks.add(expansion.task(tenant, null));
                continue;
            }
            for (String source : fleet.sources(tenant)) {
                tasks.add(expansion.task(tenant, source));
            }
        }
        return tasks;
    }

    /** What every task of one step shares. */
    private record Expansion(String runId, String pipeline, StepSpec step, Fleet fleet, Map<String, String> runVars,
            int failedSoFar, List<SourceFence> fences) {
        TaskContext task(TenantId tenant, String source) {
            return Tasks.task(this, tenant, source);
        }
    }

    private static TaskContext task(Expansion expansion, TenantId tenant, String source) {
        StepSpec step = expansion.step();
        Map<String, String> vars = new HashMap<>(expansion.runVars());
        vars.put("step", step.name());
        vars.put("failed_tasks", Integer.toString(expansion.failedSoFar()));
        if (tenant != null) {
            vars.put("tenant_id", tenant.value());
            expansion.fleet().profile(tenant).forEach((field, value) -> vars.put(Variables.TENANT_PREFIX + field,
                    value));
        }
        if (source != null) {
            vars.put("source", source);
        }
        Map<String, String> stepVars = new LinkedHashMap<>();
        step.vars().forEach((name, value) -> stepVars.put(name, Variables.substitute(value, vars)));
        vars.putAll(stepVars);
        Map<String, String> params = new LinkedHashMap<>();
        step.params().forEach((name, value) -> params.put(name, Variables.substitute(value, vars)));
        List<SourceFence> fences = tenant == null ? expansion.fences()
                : expansion.fences().stream().filter(fence -> fence.tenant().equals(tenant)).toList();
        return new TaskContext(expansion.runId(), expansion.pipeline(), step, tenant, source, vars, params, 1,
                new Cancellation(), fences);
    }

    /** The records a task driver returned; drivers never throw, so a failure here is a bug. */
    static <T> T await(Future<T> future, StepSpec step) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot finish step %s: interrupted", step.name());
        } catch (ExecutionException e) {
            throw new CairnException(ErrorCode.INTERNAL, e.getCause(), "Cannot finish step %s: %s", step.name(),
                    e.getCause().getMessage());
        }
    }
}
