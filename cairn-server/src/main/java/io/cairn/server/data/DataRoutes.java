package io.cairn.server.data;

import io.cairn.core.config.ApiSettings;
import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.TenantData;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Audits;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.TenantId;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A tenant's data, always through {@link TenantData} (which scopes every read to the tenant): quality results,
 * freshness, the marts (JSON pages or CSV) and read-only SQL with the configured timeout and row limit.
 */
public final class DataRoutes {
    private static final int MAX_PAGE_SIZE = 1000;
    private static final int MAX_SQL = 100_000;
    private static final String CSV = "text/csv; charset=utf-8";

    private final TenantData data;
    private final ApiSettings settings;

    public DataRoutes(TenantData data, ApiSettings settings) {
        this.data = requireNonNull(data, "data is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public void addTo(RouteTable table) {
        table.get("/tenants/{tenant}/quality", Access.TENANT_READ, "data.read", "The tenant's data-quality results",
                        ctx -> ctx.json(page(data.quality(Requests.tenant(ctx)))))
                .get("/tenants/{tenant}/freshness", Access.TENANT_READ, "data.read",
                        "Freshness of the tenant's sources", ctx -> ctx.json(page(data.freshness(Requests.tenant(ctx)))))
                .get("/tenants/{tenant}/marts", Access.TENANT_READ, "data.read", "The marts the tenant can read",
                        ctx -> ctx.json(Map.of("marts", data.marts(Requests.tenant(ctx)))))
                .get("/tenants/{tenant}/marts/{mart}", Access.TENANT_READ, "data.read",
                        "A page of a mart as JSON, or all of it as CSV (Accept: text/csv or ?format=csv)",
                        this::mart)
                .post("/tenants/{tenant}/query", Access.TENANT_READ, "data.query",
                        "Run one read-only SQL statement over the tenant's data", 200, this::query);
    }

    private void mart(Context ctx) throws IOException {
        TenantId tenant = Requests.tenant(ctx);
        String mart = ctx.pathParam("mart");
        if (!Requests.NAME.matcher(mart).matches()) {
            throw ApiException.notFound("Tenant %s has no mart '%s'", tenant, mart);
        }
        LocalDate from = Requests.dateQuery(ctx, "from");
        LocalDate to = Requests.dateQuery(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalid("from", "'from' (%s) is after 'to' (%s)", from, to);
        }
        Audits.target(ctx, "mart " + mart);
        if (wantsCsv(ctx)) {
            ctx.contentType(CSV);
            ctx.header("Content-Disposition", "attachment; filename=\"" + mart + ".csv\"");
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            data.writeMartCsv(tenant, mart, from, to, out);
            out.flush();
            return;
        }
        int page = Requests.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = Requests.intQuery(ctx, "page_size", 100, 1, MAX_PAGE_SIZE);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("mart", mart);
        answer.put("page", page);
        answer.put("page_size", size);
        answer.putAll(page(data.readMart(tenant, mart, from, to, (page - 1) * size, size)));
        ctx.json(answer);
    }

    private static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ApiException.invalid("format", "'format' must be json or csv, not '%s'", format);
        }
        if (format != null) {
            return format.equals("csv");
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv");
    }

    private void query(Context ctx) {
        TenantId tenant = Requests.tenant(ctx);
        String sql = Requests.requiredString(Requests.body(ctx), "sql");
        if (sql.length() > MAX_SQL) {
            throw ApiException.invalid("sql", "The statement is longer than %d characters", MAX_SQL);
        }
        Audits.detail(ctx, "sql " + sql.length() + " characters");
        ResultPage result = data.query(tenant, sql, settings.queryTimeout(), settings.queryRowLimit());
        Map<String, Object> answer = new LinkedHashMap<>(page(result));
        answer.put("row_limit", settings.queryRowLimit());
        ctx.json(answer);
    }

    private static Map<String, Object> page(ResultPage page) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("columns", page.columns());
        answer.put("rows", page.rows());
        answer.put("has_more", page.hasMore());
        return answer;
    }
}
