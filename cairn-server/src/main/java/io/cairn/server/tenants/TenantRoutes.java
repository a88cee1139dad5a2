package io.cairn.server.tenants;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.server.auth.Principal;
import io.cairn.server.auth.Quotas;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Audits;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.TenantId;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** {@code /tenants}: onboard, list, read, update and offboard (two steps) tenants. */
public final class TenantRoutes {
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private final ControlPlane controlPlane;
    private final Quotas quotas;
    private final TenantOffboarder offboarder;
    private final OffboardConfirmations confirmations;
    private final String defaultPlan;

    public TenantRoutes(ControlPlane controlPlane, Quotas quotas, TenantOffboarder offboarder, String defaultPlan,
            Clock clock) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.offboarder = requireNonNull(offboarder, "offboarder is null");
        this.defaultPlan = requireNonNull(defaultPlan, "defaultPlan is null");
        this.confirmations = new OffboardConfirmations(clock);
    }

    public void addTo(RouteTable table) {
        table.post("/tenants", Access.ADMIN, "tenant.onboard", "Onboard a tenant", 201, this::onboard)
                .get("/tenants", Access.ANY_KEY, "tenant.list", "List the tenants the key may read", this::list)
                .get("/tenants/{tenant}", Access.TENANT_READ, "tenant.read", "Read a tenant", this::read)
                .patch("/tenants/{tenant}", Access.ADMIN, "tenant.update", "Update a tenant", this::update)
                .delete("/tenants/{tenant}", Access.ADMIN, "tenant.offboard",
                        "Offboard a tenant: without ?confirm, returns a token and what would be deleted",
                        this::offboard);
    }

    private void onboard(Context ctx) {
        ObjectNode body = Requests.body(ctx);
        TenantId id = Requests.tenantId(Requests.requiredString(body, "id"), "id");
        Audits.tenant(ctx, id);
        Tenant tenant = new Tenant(id, Requests.requiredString(body, "name"),
                tenancy(Requests.optionalString(body, "tenancy").orElse("shared")),
                zone(Requests.optionalString(body, "time_zone").orElse("UTC")),
                currency(Requests.optionalString(body, "currency").orElse("USD")), null);
        String plan = Requests.optionalString(body, "plan").orElse(null);
        if (plan != null) {
            quotas.checkPlanName(plan, "plan");
        }
        Map<String, String> channels = Requests.optionalStrings(body, "alert_channels").orElse(Map.of());
        AlertChannelSettings.check(channels);
        if (controlPlane.tenants().find(id).isPresent()) {
            throw ApiException.conflict("Tenant %s already exists; update it with PATCH /tenants/%s", id, id);
        }
        controlPlane.tenants().upsert(tenant);
        if (plan != null) {
            controlPlane.plans().setPlan(id, plan);
        }
        AlertChannelSettings.write(controlPlane.credentials(), id, channels);
        ctx.status(201).json(view(id));
    }

    private void list(Context ctx) {
        Principal principal = Requests.principal(ctx);
        List<TenantView> tenants = controlPlane.tenants().list().stream()
                .filter(tenant -> principal.canRead(tenant.id().value()))
                .map(tenant -> TenantView.of(tenant, plan(tenant.id()),
                        AlertChannelSettings.names(controlPlane.credentials(), tenant.id())))
                .toList();
        ctx.json(Map.of("tenants", tenants));
    }

    private void read(Context ctx) {
        ctx.json(view(Requests.tenant(ctx)));
    }

    private void update(Context ctx) {
        TenantId id = Requests.tenant(ctx);
        Tenant current = existing(id);
        ObjectNode body = Requests.body(ctx);
        Tenant updated = new Tenant(id, Requests.optionalString(body, "name").orElse(current.name()),
                Requests.optionalString(body, "tenancy").map(TenantRoutes::tenancy).orElse(current.tenancy()),
                Requests.optionalString(body, "time_zone").map(TenantRoutes::zone).orElse(current.timezone()),
                Requests.optionalString(body, "currency").map(TenantRoutes::currency).orElse(current.currency()),
                current.createdAt());
        String plan = Requests.optionalString(body, "plan").orElse(null);
        if (plan != null) {
            quotas.checkPlanName(plan, "plan");
        }
        Map<String, String> channels = Requests.optionalStrings(body, "alert_channels").orElse(Map.of());
        AlertChannelSettings.check(channels);
        controlPlane.tenants().upsert(updated);
        if (plan != null) {
            controlPlane.plans().setPlan(id, plan);
        }
        AlertChannelSettings.write(controlPlane.credentials(), id, channels);
        ctx.json(view(id));
    }

    private void offboard(Context ctx) {
        TenantId id = Requests.tenant(ctx);
        existing(id);
        String token = ctx.queryParam("confirm");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", id.value());
        if (token == null || token.isBlank()) {
            answer.put("confirm", confirmations.issue(id));
            answer.put("expires_in_seconds", OffboardConfirmations.VALIDITY.toSeconds());
            answer.put("would_delete", offboarder.preview(id));
            Audits.detail(ctx, "confirmation issued");
            ctx.status(202).json(answer);
            return;
        }
        if (!confirmations.redeem(token, id)) {
            throw ApiException.invalid("confirm", "The confirmation token is unknown, expired, used or for another "
                    + "tenant; DELETE /tenants/%s without ?confirm for a new one", id);
        }
        answer.put("deleted", offboarder.offboard(id));
        Audits.detail(ctx, "offboarded");
        ctx.json(answer);
    }

    private TenantView view(TenantId id) {
        return TenantView.of(existing(id), plan(id), AlertChannelSettings.names(controlPlane.credentials(), id));
    }

    private Tenant existing(TenantId id) {
        return controlPlane.tenants().find(id).orElseThrow(() -> ApiException.notFound("No tenant %s", id));
    }

    private String plan(TenantId id) {
        return controlPlane.plans().plan(id).orElse(defaultPlan);
    }

    private static Tenancy tenancy(String value) {
        return Tenancy.fromId(value).orElseThrow(() -> ApiException.invalid("tenancy",
                "'tenancy' must be shared or dedicated, not '%s'", value));
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ApiException.invalid("time_zone", "'%s' is not a time zone such as America/New_York", value);
        }
    }

    private static String currency(String value) {
        if (!CURRENCY.matcher(value).matches()) {
            throw ApiException.invalid("currency", "'currency' must be an ISO 4217 code such as USD, not '%s'",
                    value);
        }
        return value;
    }
}
