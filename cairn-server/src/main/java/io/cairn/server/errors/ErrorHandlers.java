package io.cairn.server.errors;

import io.cairn.spi.CairnException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Turns every failure into the JSON error body with the right status: {@link ApiException}s as they say,
 * {@link CairnException}s by their {@link io.cairn.spi.ErrorCode}, anything else as a 500 that shows a reference
 * to the server log and never a stack trace or internal message.
 */
public final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
    /** Set on a context once its error body is written, so the 404 fallback does not replace it. */
    static final String WRITTEN = "cairn.error.written";

    private ErrorHandlers() {
    }

    public static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.field(),
                e.retryAfterSeconds()));
        app.exception(CairnException.class, ErrorHandlers::cairn);
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                e.getStatus() == 404 ? "not_found" : "invalid_request", e.getMessage(), null, null));
        app.exception(Exception.class, (e, ctx) -> internal(ctx, e));
        app.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, 404, "not_found", "No such resource: " + ctx.method() + " " + ctx.path(), null, null);
            }
        });
    }

    private static void cairn(CairnException e, Context ctx) {
        switch (e.code()) {
            case BAD_INPUT, CONFIG -> write(ctx, 400, "invalid_request", e.getMessage(), null, null);
            case NOT_FOUND -> write(ctx, 404, "not_found", e.getMessage(), null, null);
            case UNSUPPORTED -> write(ctx, 501, "unsupported", e.getMessage(), null, null);
            default -> internal(ctx, e);
        }
    }

    private static void internal(Context ctx, Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Request {} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
        write(ctx, 500, "internal", "The server could not handle the request; reference " + reference
                + " in its log", null, null);
    }

    /** Writes the error body and status. */
    public static void write(Context ctx, int status, String code, String message, String field,
            Long retryAfterSeconds) {
        if (retryAfterSeconds != null) {
            ctx.header("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        }
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status).json(ErrorBody.of(code, message, field));
    }
}
