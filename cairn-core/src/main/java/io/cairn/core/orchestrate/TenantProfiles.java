package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks, before a run starts, that every tenant it covers has the profile fields its steps use. */
final class TenantProfiles {
    private TenantProfiles() {
    }

    static void check(Pipeline pipeline, List<TenantId> tenants, Fleet fleet) {
        Set<String> used = new TreeSet<>();
        List<StepSpec> steps = new ArrayList<>(pipeline.steps());
        steps.addAll(pipeline.onFailure());
        steps.addAll(pipeline.onSuccess());
        for (StepSpec step : steps) {
            List<String> texts = new ArrayList<>(step.params().values());
            texts.addAll(step.vars().values());
            texts.forEach(text -> Variables.names(text).stream()
                    .filter(name -> name.startsWith(Variables.TENANT_PREFIX)).forEach(used::add));
        }
        if (used.isEmpty()) {
            return;
        }
        for (TenantId tenant : tenants) {
            Map<String, String> profile = fleet.profile(tenant);
            for (String name : used) {
                String value = profile.get(name.substring(Variables.TENANT_PREFIX.length()));
                if (value == null || value.isBlank()) {
                    throw new CairnException(ErrorCode.CONFIG, "Cannot run pipeline %s: tenant %s has no %s for "
                            + "variable '{%s}'", pipeline.name(), tenant, name.substring(
                            Variables.TENANT_PREFIX.length()), name);
                }
            }
        }
    }
}
