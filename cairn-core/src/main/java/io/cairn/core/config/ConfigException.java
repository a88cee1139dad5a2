package io.cairn.core.config;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.nio.file.Path;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A configuration file is wrong. The message reads
 * {@code Cannot read <file>: line <n>, key '<path>': <reason>}; line and key are left out when unknown.
 */
public class ConfigException extends CairnException {
    private final Path file;
    private final int line;
    private final String key;

    /**
     * @param line 1-based, or 0 when unknown
     * @param key the dotted key path such as {@code tenants[0].sources.shopify.type}, or "" for the whole file
     */
    public ConfigException(Path file, int line, String key, String reason, Throwable cause) {
        super(ErrorCode.CONFIG, cause, "Cannot read %s: %s", file, where(line, key) + reason);
        this.file = requireNonNull(file, "file is null");
        this.line = line;
        this.key = requireNonNull(key, "key is null");
    }

    public ConfigException(Path file, int line, String key, String reason) {
        this(file, line, key, reason, null);
    }

    private static String where(int line, String key) {
        StringBuilder where = new StringBuilder();
        if (line > 0) {
            where.append(String.format(Locale.ROOT, "line %d", line));
        }
        if (!key.isEmpty()) {
            where.append(where.length() > 0 ? ", " : "").append("key '").append(key).append('\'');
        }
        return where.length() > 0 ? where + ": " : "";
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the offending text, or 0 when the error is not tied to a line. */
    public int line() {
        return line;
    }

    /** The key path of the offending value, or "" when the error concerns the whole file. */
    public String key() {
        return key;
    }
}
