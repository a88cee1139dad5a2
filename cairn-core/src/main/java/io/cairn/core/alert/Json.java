package io.cairn.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** The JSON the HTTP channels send. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot write an alert as JSON: %s", e.getMessage());
        }
    }

    /** The event every HTTP channel describes: what, about whom, from which run. */
    static ObjectNode event(Alert alert) {
        ObjectNode event = object()
                .put("event", alert.action().key())
                .put("key", alert.key())
                .put("severity", alert.severity().key())
                .put("summary", alert.summary())
                .put("tenant", alert.tenant() == null ? null : alert.tenant().value())
                .put("pipeline", alert.pipeline())
                .put("run_id", alert.runId())
                .put("at", alert.at().toString());
        alert.details().forEach(event.putArray("details")::add);
        return event;
    }
}
