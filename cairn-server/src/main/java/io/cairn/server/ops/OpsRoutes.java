package io.cairn.server.ops;

import io.cairn.core.metrics.CairnMetrics;
import io.cairn.core.metrics.PrometheusScrape;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Operations endpoints outside the API (no key, for probes and scrapers on the private network): {@code /health/live}
 * (the process answers), {@code /health} (readiness: every check passes, else 503 naming the failing ones) and
 * {@code /metrics} (Prometheus).
 */
public final class OpsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);

    private final Map<String, ReadinessCheck> checks;
    private final CairnMetrics metrics;

    public OpsRoutes(Map<String, ReadinessCheck> checks, CairnMetrics metrics) {
        this.checks = Map.copyOf(requireNonNull(checks, "checks is null"));
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    public void install(Javalin app) {
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/health", this::ready);
        app.get("/metrics", ctx -> ctx.contentType(PrometheusScrape.CONTENT_TYPE).result(metrics.scrape().text()));
    }

    private void ready(Context ctx) {
        Map<String, String> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, ReadinessCheck> check : new java.util.TreeMap<>(checks).entrySet()) {
            try {
                check.getValue().check();
                results.put(check.getKey(), "up");
            } catch (Exception e) {
                // The reason goes to the log only: the endpoint needs no key and must not show internals.
                LOG.warn("Readiness check {} failed: {}", check.getKey(), e.getMessage());
                results.put(check.getKey(), "down");
                up = false;
            }
        }
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down", "checks", results));
    }
}
