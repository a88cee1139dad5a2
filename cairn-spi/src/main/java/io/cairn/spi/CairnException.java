package io.cairn.spi;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception family of Cairn. Messages read "Cannot &lt;verb&gt; &lt;object&gt;: &lt;reason&gt;" and
 * name the tenant, source, model, file and line where they are known.
 */
public class CairnException extends RuntimeException {
    private final ErrorCode code;

    public CairnException(ErrorCode code, String format, Object... args) {
        super(String.format(Locale.ROOT, format, args));
        this.code = requireNonNull(code, "code is null");
    }

    public CairnException(ErrorCode code, Throwable cause, String format, Object... args) {
        super(String.format(Locale.ROOT, format, args), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
