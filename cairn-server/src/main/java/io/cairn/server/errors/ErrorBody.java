package io.cairn.server.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON of every error: {@code {"error": {"code", "message", "field"?}}}. */
public record ErrorBody(Detail error) {
    /** What went wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field) {
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Detail(code, message, field));
    }
}
