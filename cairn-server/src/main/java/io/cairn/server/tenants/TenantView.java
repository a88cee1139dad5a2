package io.cairn.server.tenants;

import io.cairn.core.controlplane.Tenant;

import java.time.Instant;
import java.util.List;

/** A tenant as the API shows it; alert channels by name only. */
record TenantView(String id, String name, String plan, String tenancy, String timeZone, String currency,
                  List<String> alertChannels, Instant createdAt) {
    static TenantView of(Tenant tenant, String plan, List<String> alertChannels) {
        return new TenantView(tenant.id().value(), tenant.name(), plan, tenant.tenancy().id(),
                tenant.timezone().getId(), tenant.currency(), alertChannels, tenant.createdAt());
    }
}
