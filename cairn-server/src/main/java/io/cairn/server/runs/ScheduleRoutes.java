package io.cairn.server.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.schedule.PipelineSchedule;
import io.cairn.core.schedule.ScheduleEntry;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.server.auth.Principal;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Audits;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.javalin.http.Context;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code /schedules}: cron schedules of pipelines. The platform admin manages every schedule; a tenant's
 * {@code tenant_admin} manages the schedules of its own tenant, and its keys read them. Schedules over every tenant
 * are the admin's.
 */
public final class ScheduleRoutes {
    private final ScheduleStore schedules;

    public ScheduleRoutes(ScheduleStore schedules) {
        this.schedules = requireNonNull(schedules, "schedules is null");
    }

    /** A schedule as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScheduleView(String name, String pipeline, String tenant, String cron, String timezone, Instant lastDue,
                        String lastStatus, String lastMessage, Instant nextDue) {
        static ScheduleView of(ScheduleEntry entry) {
            PipelineSchedule schedule = entry.schedule();
            return new ScheduleView(schedule.name(), schedule.pipeline(),
                    schedule.tenant() == null ? null : schedule.tenant().value(), schedule.cron(),
                    schedule.zone().getId(), entry.lastDue(),
                    entry.lastStatus() == null ? null : entry.lastStatus().key(), entry.lastMessage(),
                    entry.nextDue());
        }
    }

    public void addTo(RouteTable table) {
        table.get("/schedules", Access.ANY_KEY, "schedule.list", "List the schedules the key may read", this::list)
                .post("/schedules", Access.ANY_KEY, "schedule.add", "Add a schedule", 201, this::add)
                .get("/schedules/{schedule}", Access.ANY_KEY, "schedule.read", "Read a schedule", this::read)
                .put("/schedules/{schedule}", Access.ANY_KEY, "schedule.replace", "Replace a schedule",
                        this::replace)
                .delete("/schedules/{schedule}", Access.ANY_KEY, "schedule.remove", "Remove a schedule",
                        this::remove);
    }

    private void list(Context ctx) {
        Principal principal = Requests.principal(ctx);
        ctx.json(Map.of("schedules", schedules.list().stream().filter(entry -> readable(principal,
                entry.schedule().tenant())).map(ScheduleView::of).toList()));
    }

    private void add(Context ctx) {
        ObjectNode body = Requests.body(ctx);
        PipelineSchedule schedule = parse(body, Requests.requiredString(body, "name"));
        writable(ctx, schedule.tenant());
        if (schedules.find(schedule.name()).isPresent()) {
            throw ApiException.conflict("Schedule %s already exists; replace it with PUT /schedules/%s",
                    schedule.name(), schedule.name());
        }
        schedules.add(schedule);
        ctx.status(201).json(ScheduleView.of(entry(schedule.name())));
    }

    private void read(Context ctx) {
        ScheduleEntry entry = existing(ctx);
        if (!readable(Requests.principal(ctx), entry.schedule().tenant())) {
            Audits.denied(ctx);
            throw ApiException.notFound("No schedule %s", entry.schedule().name());
        }
        ctx.json(ScheduleView.of(entry));
    }

    private void replace(Context ctx) {
        ScheduleEntry current = existing(ctx);
        writable(ctx, current.schedule().tenant());
        PipelineSchedule schedule = parse(Requests.body(ctx), current.schedule().name());
        writable(ctx, schedule.tenant());
        schedules.remove(current.schedule().name());
        schedules.add(schedule);
        ctx.json(ScheduleView.of(entry(schedule.name())));
    }

    private void remove(Context ctx) {
        ScheduleEntry current = existing(ctx);
        writable(ctx, current.schedule().tenant());
        schedules.remove(current.schedule().name());
        ctx.json(Map.of("removed", current.schedule().name()));
    }

    private static PipelineSchedule parse(ObjectNode body, String name) {
        String pipeline = Requests.requiredString(body, "pipeline");
        TenantId tenant = Requests.optionalString(body, "tenant").map(t -> Requests.tenantId(t, "tenant"))
                .orElse(null);
        String cron = Requests.requiredString(body, "cron");
        ZoneId zone;
        String zoneName = Requests.optionalString(body, "timezone").orElse("UTC");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw ApiException.invalid("timezone", "'%s' is not a time zone such as Europe/Berlin", zoneName);
        }
        try {
            return new PipelineSchedule(name, pipeline, tenant, cron, zone);
        } catch (CairnException e) {
            if (e.code() != ErrorCode.BAD_INPUT) {
                throw e;
            }
            String message = e.getMessage();
            String field = message.contains("cron") ? "cron" : message.contains("pipeline name") ? "pipeline" : "name";
            throw ApiException.invalid(field, "%s", message);
        }
    }

    private ScheduleEntry existing(Context ctx) {
        return entry(ctx.pathParam("schedule"));
    }

    private ScheduleEntry entry(String name) {
        return schedules.list().stream().filter(entry -> entry.schedule().name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No schedule %s", name));
    }

    private static boolean readable(Principal principal, TenantId tenant) {
        return principal.isAdmin() || tenant != null && principal.canRead(tenant.value());
    }

    /** 403 unless the caller may manage schedules of {@code tenant} (null: every tenant, admin only). */
    private static void writable(Context ctx, TenantId tenant) {
        Principal principal = Requests.principal(ctx);
        if (tenant != null) {
            Audits.tenant(ctx, tenant);
            principal.checkWrite(tenant.value());
        } else {
            principal.checkAdmin();
        }
    }
}
