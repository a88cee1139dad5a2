package io.cairn.core.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * PagerDuty Events API v2: {@code POST /v2/enqueue} with the routing key, {@code trigger} or {@code resolve}, and the
 * alert's key as {@code dedup_key}, so PagerDuty keeps one incident per problem.
 */
public final class PagerDutyChannel implements AlertChannel {
    public static final URI DEFAULT_BASE = URI.create("https://events.pagerduty.com");
    private static final int MAX_SUMMARY = 1024;

    private final URI enqueue;
    private final String routingKey;
    private final HttpSender http;

    public PagerDutyChannel(URI base, String routingKey, HttpSender http) {
        requireNonNull(base, "base is null");
        this.enqueue = URI.create(base.toString().replaceAll("/+$", "") + "/v2/enqueue");
        this.routingKey = requireNonNull(routingKey, "routingKey is null");
        this.http = requireNonNull(http, "http is null");
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public void send(Alert alert) {
        ObjectNode body = Json.object()
                .put("routing_key", routingKey)
                .put("event_action", alert.action().key())
                .put("dedup_key", alert.key());
        if (!alert.resolved()) {
            String summary = alert.summary().length() <= MAX_SUMMARY ? alert.summary()
                    : alert.summary().substring(0, MAX_SUMMARY);
            ObjectNode payload = body.putObject("payload")
                    .put("summary", summary)
                    .put("source", "cairn/" + alert.pipeline())
                    .put("severity", alert.severity().key())
                    .put("timestamp", alert.at().toString());
            payload.set("custom_details", Json.event(alert));
        }
        http.postJson(name(), enqueue, Json.write(body));
    }

    @Override
    public String toString() {
        return "PagerDutyChannel[" + enqueue + ", routingKey=***]";
    }
}
