package io.cairn.server.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.core.audit.AuditLog;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.server.http.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * Requests Jetty refuses before any handler sees them (a NUL or broken encoding in the path, a malformed request
 * line): answered with the JSON error body instead of Jetty's HTML page, and recorded in the audit log as refused.
 * Jetty does not hand over the request's headers here, so the caller is unknown.
 */
public final class MalformedRequests extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequests.class);

    private final AuditLog audit;

    public MalformedRequests(AuditLog audit) {
        this.audit = requireNonNull(audit, "audit is null");
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String message = "The request is malformed: " + (reason == null ? "bad request" : reason);
        try {
            audit.record("http:unknown", "api.malformed_request", null, null, AuditOutcome.DENIED,
                    "status " + status + "; " + message);
        } catch (RuntimeException e) {
            LOG.error("Cannot record the audit entry of a malformed request: {}", e.getMessage());
        }
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        try {
            return ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(ErrorBody.of("invalid_request", message, null)));
        } catch (JsonProcessingException e) {
            return ByteBuffer.wrap(("{\"error\":{\"code\":\"invalid_request\"}}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
