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
            Map<String, String> runVars, int failedSoFar) {
        List<TaskContext> tasks = new ArrayList<>();
        if (step.scope() == StepScope.GLOBAL) {
            tasks.add(task(runId, pipeline, step, null, null, runVars, failedSoFar));
            return tasks;
        }
        for (TenantId tenant : tenants) {
            if (step.scope() == StepScope.TENANT) {
                tasks.add(task(runId, pipeline, step, tenant, null, runVars, failedSoFar));
                continue;
            }
            for (String source : fleet.sources(tenant)) {
                tasks.add(task(runId, pipeline, step, tenant, source, runVars, failedSoFar));
            }
        }
        return tasks;
    }

    private static TaskContext task(String runId, String pipeline, StepSpec step, TenantId tenant, String source,
            Map<String, String> runVars, int failedSoFar) {
        Map<String, String> vars = new HashMap<>(runVars);
        vars.put("step", step.name());
        vars.put("failed_tasks", Integer.toString(failedSoFar));
        if (tenant != null) {
            vars.put("tenant_id", tenant.value());
        }
        if (source != null) {
            vars.put("source", source);
        }
        Map<String, String> stepVars = new LinkedHashMap<>();
        step.vars().forEach((name, value) -> stepVars.put(name, Variables.substitute(value, vars)));
        vars.putAll(stepVars);
        Map<String, String> params = new LinkedHashMap<>();
        step.params().forEach((name, value) -> params.put(name, Variables.substitute(value, vars)));
        return new TaskContext(runId, pipeline, step, tenant, source, vars, params, 1, new Cancellation());
    }

    /** The record a task driver returned; drivers never throw, so a failure here is a bug. */
    static TaskRunRecord await(Future<TaskRunRecord> future, StepSpec step) {
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
