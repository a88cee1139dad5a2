package io.cairn.core.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import static java.util.Objects.requireNonNull;

/** The Prometheus text exposition of a registry, what {@code /metrics} serves. */
public final class PrometheusScrape {
    /** The content type of {@link #text()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    PrometheusScrape(PrometheusMeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** Every meter in the Prometheus text format 0.0.4. */
    public String text() {
        return registry.scrape();
    }
}
