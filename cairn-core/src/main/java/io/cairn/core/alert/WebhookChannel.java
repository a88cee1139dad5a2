package io.cairn.core.alert;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A generic webhook: one JSON event per alert, {@code {event, key, severity, summary, tenant, pipeline, run_id, at,
 * details}}, with {@code event} {@code trigger} or {@code resolve}.
 */
public final class WebhookChannel implements AlertChannel {
    private final URI url;
    private final HttpSender http;

    public WebhookChannel(URI url, HttpSender http) {
        this.url = requireNonNull(url, "url is null");
        this.http = requireNonNull(http, "http is null");
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alert alert) {
        http.postJson(name(), url, Json.write(Json.event(alert)));
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + HttpSender.redact(url) + "]";
    }
}
