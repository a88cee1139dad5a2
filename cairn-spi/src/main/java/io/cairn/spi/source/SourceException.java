package io.cairn.spi.source;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** A source failed; {@link #kind()} tells the caller whether trying again can help. */
public class SourceException extends CairnException {
    /** How a source failure should be handled. */
    public enum Kind {
        /** Network trouble, timeouts, throttling, server errors: retry later. */
        TRANSIENT,
        /** A request the source will never accept as sent, or a response that cannot be read: do not retry. */
        PERMANENT,
        /** The source refused the stored grant: a person must re-authorise the connection; do not retry. */
        NEEDS_REAUTHORISATION
    }

    private final Kind kind;
    private final int httpStatus;

    public SourceException(Kind kind, int httpStatus, Throwable cause, String format, Object... args) {
        super(kind == Kind.NEEDS_REAUTHORISATION ? ErrorCode.CONFIG : ErrorCode.IO, cause, format, args);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public static SourceException permanent(String format, Object... args) {
        return new SourceException(Kind.PERMANENT, 0, null, format, args);
    }

    public static SourceException transientFailure(String format, Object... args) {
        return new SourceException(Kind.TRANSIENT, 0, null, format, args);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status that caused the failure, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }
}
