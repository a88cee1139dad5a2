package io.cairn.core.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/** A Slack incoming webhook: {@code {text, blocks}} with the summary and the failed tasks. */
public final class SlackChannel implements AlertChannel {
    private static final int MAX_DETAILS = 20;

    private final URI webhook;
    private final HttpSender http;

    public SlackChannel(URI webhook, HttpSender http) {
        this.webhook = requireNonNull(webhook, "webhook is null");
        this.http = requireNonNull(http, "http is null");
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public void send(Alert alert) {
        String text = (alert.resolved() ? ":white_check_mark: " : ":red_circle: ") + alert.title();
        ObjectNode body = Json.object().put("text", text);
        ArrayNode blocks = body.putArray("blocks");
        section(blocks, "*" + text + "*\npipeline `" + alert.pipeline() + "`, run `" + alert.runId() + "`");
        if (!alert.details().isEmpty()) {
            StringBuilder lines = new StringBuilder();
            alert.details().stream().limit(MAX_DETAILS).forEach(line -> lines.append("• ").append(line).append('\n'));
            if (alert.details().size() > MAX_DETAILS) {
                lines.append("… and ").append(alert.details().size() - MAX_DETAILS).append(" more");
            }
            section(blocks, lines.toString().strip());
        }
        http.postJson(name(), webhook, Json.write(body));
    }

    private static void section(ArrayNode blocks, String markdown) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", markdown);
    }

    @Override
    public String toString() {
        return "SlackChannel[" + HttpSender.redact(webhook) + "]";
    }
}
