package io.cairn.server.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.apikeys.ApiKey;
import io.cairn.core.apikeys.ApiKeyStore;
import io.cairn.core.apikeys.NewApiKey;
import io.cairn.core.apikeys.Role;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.server.auth.Principal;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Audits;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.TenantId;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code /api-keys}: the platform admin manages every key; a {@code tenant_admin} manages its tenant's
 * {@code tenant_admin} and {@code analyst} keys. The secret is in the creation answer only.
 */
public final class KeyRoutes {
    private static final int MAX_DAYS = 3650;

    private final ControlPlane controlPlane;
    private final ApiKeyStore keys;
    private final Clock clock;

    public KeyRoutes(ControlPlane controlPlane, Clock clock) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.keys = controlPlane.apiKeys();
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void addTo(RouteTable table) {
        table.post("/api-keys", Access.ANY_KEY, "access.grant", "Create an API key (its secret is shown once)", 201,
                        this::create)
                .get("/api-keys", Access.ANY_KEY, "access.list", "List API keys, without secrets", this::list)
                .delete("/api-keys/{key}", Access.ANY_KEY, "access.revoke", "Revoke an API key", this::revoke);
    }

    private void create(Context ctx) {
        Principal principal = Requests.principal(ctx);
        ObjectNode body = Requests.body(ctx);
        String roleName = Requests.requiredString(body, "role");
        Role role = Role.fromId(roleName).orElseThrow(() -> ApiException.invalid("role",
                "'role' must be admin, tenant_admin or analyst, not '%s'", roleName));
        TenantId tenant = Requests.optionalString(body, "tenant").map(t -> Requests.tenantId(t, "tenant"))
                .orElse(principal.isAdmin() ? null : principal.tenant().orElse(null));
        if (tenant != null) {
            Audits.tenant(ctx, tenant);
        }
        manageable(principal, role, tenant);
        if (role == Role.ADMIN && tenant != null) {
            throw ApiException.invalid("tenant", "An admin key is a platform key: it has no tenant");
        }
        if (role != Role.ADMIN && tenant == null) {
            throw ApiException.invalid("tenant", "A %s key needs a tenant", role.id());
        }
        if (tenant != null && controlPlane.tenants().find(tenant).isEmpty()) {
            throw ApiException.invalid("tenant", "No tenant %s", tenant);
        }
        NewApiKey created = keys.create(role, tenant, Requests.optionalString(body, "name").orElse(null),
                expiry(body));
        Audits.target(ctx, "key " + created.key().prefix() + " role " + role.id());
        ctx.status(201).json(KeyView.of(created.key(), clock.instant(), created.secret()));
    }

    private Instant expiry(JsonNode body) {
        JsonNode days = body.get("expires_in_days");
        if (days == null || days.isNull()) {
            return null;
        }
        if (!days.canConvertToInt() || days.asInt() < 1 || days.asInt() > MAX_DAYS) {
            throw ApiException.invalid("expires_in_days", "'expires_in_days' must be a whole number from 1 to %d",
                    MAX_DAYS);
        }
        return clock.instant().plus(Duration.ofDays(days.asInt()));
    }

    private void list(Context ctx) {
        Principal principal = Requests.principal(ctx);
        TenantId tenant;
        if (principal.isAdmin()) {
            String filter = ctx.queryParam("tenant");
            tenant = filter == null ? null : Requests.tenantId(filter, "tenant");
        } else {
            tenant = principal.tenant().orElseThrow();
            principal.checkWrite(tenant.value());
        }
        Instant now = clock.instant();
        ctx.json(Map.of("keys", keys.list(tenant).stream().map(key -> KeyView.of(key, now, null)).toList()));
    }

    private void revoke(Context ctx) {
        Principal principal = Requests.principal(ctx);
        String prefix = ctx.pathParam("key");
        ApiKey key = keys.find(prefix).orElseThrow(() -> ApiException.notFound("No API key %s", prefix));
        key.tenant().ifPresent(tenant -> Audits.tenant(ctx, tenant));
        if (!principal.isAdmin() && (key.tenant().isEmpty()
                || !principal.canRead(key.tenant().get().value()))) {
            Audits.denied(ctx);
            throw ApiException.notFound("No API key %s", prefix);
        }
        manageable(principal, key.role(), key.tenant().orElse(null));
        keys.revoke(prefix);
        Audits.target(ctx, "key " + prefix);
        ctx.json(KeyView.of(keys.find(prefix).orElseThrow(), clock.instant(), null));
    }

    /** 403 unless the caller may manage keys of this role and tenant. */
    private static void manageable(Principal principal, Role role, TenantId tenant) {
        if (principal.isAdmin()) {
            return;
        }
        if (role == Role.ADMIN || tenant == null) {
            throw ApiException.forbidden("Only a platform admin key manages admin keys");
        }
        principal.checkWrite(tenant.value());
    }
}
