package io.cairn.server.http;

import io.cairn.core.audit.AuditLog;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.server.auth.Authenticator;
import io.cairn.server.auth.Principal;
import io.cairn.server.auth.RateLimiter;
import io.cairn.spi.TenantId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Registers the routes, each behind the same checks (key, rate limit, role and tenant), and records every API
 * request in the audit log once answered: allowed, refused ({@code denied}: no or bad key, another tenant, a role
 * that may not, a rate limit, a path that is no route) or failed.
 */
public final class Gate {
    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final String ROUTE = "cairn.route";
    private static final String STARTED = "cairn.started";
    private static final String ANONYMOUS = "api:anonymous";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;
    private final MeterRegistry meters;

    public Gate(Authenticator authenticator, RateLimiter rateLimiter, AuditLog audit, MeterRegistry meters) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.meters = requireNonNull(meters, "meters is null");
    }

    public void install(Javalin app, RouteTable table) {
        app.before(RouteTable.BASE + "/*", ctx -> ctx.attribute(STARTED, System.nanoTime()));
        for (Route route : table.routes()) {
            app.addHttpHandler(route.method(), RouteTable.BASE + route.path(), ctx -> guard(route, ctx));
        }
        app.after(RouteTable.BASE + "/*", this::answered);
    }

    private void guard(Route route, Context ctx) throws Exception {
        ctx.attribute(ROUTE, route);
        if (route.access() == Access.PUBLIC) {
            route.handler().handle(ctx);
            return;
        }
        Principal principal = authenticator.authenticate(ctx);
        ctx.attribute(Requests.PRINCIPAL, principal);
        rateLimiter.acquire(principal.key().prefix());
        switch (route.access()) {
            case ADMIN -> principal.checkAdmin();
            case TENANT_READ -> principal.checkRead(ctx.pathParam("tenant"));
            case TENANT_WRITE -> principal.checkWrite(ctx.pathParam("tenant"));
            default -> {
            }
        }
        if (route.access() == Access.TENANT_READ || route.access() == Access.TENANT_WRITE) {
            Requests.tenant(ctx);
        }
        route.handler().handle(ctx);
    }

    private void answered(Context ctx) {
        Route route = ctx.attribute(ROUTE);
        int status = ctx.status().getCode();
        time(ctx, route, status);
        if (route != null && route.access() == Access.PUBLIC) {
            return;
        }
        try {
            record(ctx, route, status);
        } catch (RuntimeException e) {
            // The answer is sent; an audit failure must not turn it into an error, but it must be seen.
            LOG.error("Cannot record the audit entry of {} {} (status {}): {}", ctx.method(), ctx.path(), status,
                    e.getMessage());
        }
    }

    private void record(Context ctx, Route route, int status) {
        Principal principal = ctx.attribute(Requests.PRINCIPAL);
        if (principal == null && route == null) {
            principal = authenticator.find(ctx).orElse(null);
        }
        boolean denied = route == null || status == 401 || status == 403 || status == 429
                || ctx.attribute(Audits.DENIED) != null;
        AuditOutcome outcome = status < 400 ? AuditOutcome.OK : denied ? AuditOutcome.DENIED : AuditOutcome.FAILED;
        String target = ctx.attribute(Audits.TARGET);
        String detail = ctx.attribute(Audits.DETAIL);
        audit.record(principal == null ? ANONYMOUS : principal.actor(),
                route == null ? "api.unknown_route" : route.action(), tenant(ctx),
                target == null ? ctx.method() + " " + ctx.path() : target,
                outcome, "status " + status + (detail == null ? "" : "; " + detail));
    }

    private static TenantId tenant(Context ctx) {
        TenantId set = ctx.attribute(Audits.TENANT);
        if (set != null) {
            return set;
        }
        String inPath = ctx.pathParamMap().get("tenant");
        return TenantId.isValid(inPath) ? TenantId.of(inPath) : null;
    }

    private void time(Context ctx, Route route, int status) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("cairn.http.requests").description("API requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route == null ? "unknown" : RouteTable.BASE + route.path())
                .tag("status", Integer.toString(status))
                .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
    }
}
