package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One load of one raw file of a tenant's source stream.
 *
 * @param inboxFile the file the load was taken from, for file sources; null otherwise
 * @param rawFile the raw-zone file, relative to the data root or absolute
 * @param format the file format, e.g. {@code jsonl}, {@code csv}
 * @param bytes the size of the raw file
 * @param result the landing figures, null until landed; read back with {@code replayed == false}
 * @param finishedAt when it landed or failed, null before
 * @param error why it failed, null otherwise
 */
public record LoadRecord(
        String loadId,
        TenantId tenant,
        String source,
        String stream,
        String inboxFile,
        String rawFile,
        String format,
        LoadStatus status,
        long bytes,
        LoadResult result,
        Instant createdAt,
        Instant finishedAt,
        String error) {
    public LoadRecord {
        requireNonNull(loadId, "loadId is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A new load in status {@code MOVING}, created now. */
    public static LoadRecord moving(String loadId, TenantId tenant, String source, String stream, String inboxFile,
            String rawFile, String format, long bytes, Instant createdAt) {
        return new LoadRecord(loadId, tenant, source, stream, inboxFile, rawFile, format, LoadStatus.MOVING, bytes,
                null, createdAt, null, null);
    }
}
