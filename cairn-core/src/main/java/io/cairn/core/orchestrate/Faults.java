package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.source.SourceException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Tells transient faults (worth another attempt) from permanent ones. Transient: a {@link SourceException} of kind
 * transient (network trouble, 429, 5xx), a {@link TransientFault}, or a failure caused by a network timeout or a
 * refused connection. Everything else, including bad configuration and refused credentials, is permanent.
 */
public final class Faults {
    private Faults() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceException source) {
                return source.isTransient();
            }
            if (cause instanceof TransientFault) {
                return true;
            }
            if (isNetwork(cause)) {
                return true;
            }
            if (cause instanceof CairnException && cause.getCause() == null) {
                return false;
            }
        }
        return false;
    }

    private static boolean isNetwork(Throwable cause) {
        // An unknown host is a configuration mistake far more often than a passing DNS fault: permanent.
        return cause instanceof SocketTimeoutException || cause instanceof ConnectException
                || cause instanceof HttpTimeoutException
                || cause instanceof IOException && String.valueOf(cause.getMessage()).contains("Connection reset");
    }

    /** A failure that another attempt may fix; processors throw it for faults they know to be passing. */
    public static final class TransientFault extends CairnException {
        public TransientFault(String format, Object... args) {
            super(ErrorCode.IO, format, args);
        }

        public TransientFault(Throwable cause, String format, Object... args) {
            super(ErrorCode.IO, cause, format, args);
        }
    }
}
