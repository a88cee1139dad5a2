package io.cairn.server.http;

import io.cairn.spi.TenantId;
import io.javalin.http.Context;

/**
 * What a handler tells the audit entry of its request beyond the defaults (the route's action, the tenant in the
 * path, the path as target): kept as attributes of the request until it is recorded after the answer.
 */
public final class Audits {
    static final String TENANT = "cairn.audit.tenant";
    static final String TARGET = "cairn.audit.target";
    static final String DETAIL = "cairn.audit.detail";
    static final String DENIED = "cairn.audit.denied";

    private Audits() {
    }

    /** The tenant acted on, when the path does not name it (a run, a schedule, a key). */
    public static void tenant(Context ctx, TenantId tenant) {
        ctx.attribute(TENANT, tenant);
    }

    public static void target(Context ctx, String target) {
        ctx.attribute(TARGET, target);
    }

    /** A short note; never secrets. */
    public static void detail(Context ctx, String detail) {
        ctx.attribute(DETAIL, detail);
    }

    /** Records the request as refused even though it is answered 404 (another tenant's run, for example). */
    public static void denied(Context ctx) {
        ctx.attribute(DENIED, Boolean.TRUE);
    }
}
