package io.cairn.core.rawzone;

import java.nio.file.Path;

import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;

import static java.util.Objects.requireNonNull;

/** A data file of a complete drop in {@code <root>/inbox/<tenant>/<source>/<stream>/}. */
public record InboxFile(TenantId tenant, String source, String stream, Path path, FileFormat format, long bytes) {
    public InboxFile {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
    }
}
