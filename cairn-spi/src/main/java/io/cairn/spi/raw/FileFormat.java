package io.cairn.spi.raw;

import java.util.Locale;
import java.util.Optional;

/** The formats a raw file can have. Connectors write JSONL; file drops may also bring JSON arrays and CSV. */
public enum FileFormat {
    JSONL("jsonl"),
    JSON_ARRAY("json"),
    CSV("csv");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name implies ({@code .jsonl}/{@code .ndjson}, {@code .json}, {@code .csv}), if any. */
    public static Optional<FileFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON_ARRAY);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
