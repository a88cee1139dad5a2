package io.cairn.spi.raw;

import java.nio.file.Path;
import java.time.Instant;

import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/**
 * One closed raw file to bulk-load into {@code <rawSchema>.<sourceSystem>__<stream>}.
 *
 * @param sourceFile the file name recorded in the envelope (relative to the raw zone)
 * @param rawSchema the schema of the raw tables, dead letters and load ledger: {@code raw} for shared tenants,
 *         {@code <tenant>_raw} for dedicated ones
 */
public record LoadRequest(
        TenantId tenant,
        String sourceSystem,
        String stream,
        String loadId,
        Path file,
        String sourceFile,
        FileFormat format,
        StreamContract contract,
        Instant ingestedAt,
        String rawSchema) {
    public LoadRequest {
        requireNonNull(tenant, "tenant is null");
        Envelope.checkName("source system", sourceSystem);
        Envelope.checkName("stream", stream);
        requireNonNull(loadId, "loadId is null");
        requireNonNull(file, "file is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(format, "format is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(ingestedAt, "ingestedAt is null");
        Envelope.checkSchema(rawSchema);
    }

    /** A load into the shared raw schema {@code raw}. */
    public LoadRequest(TenantId tenant, String sourceSystem, String stream, String loadId, Path file,
            String sourceFile, FileFormat format, StreamContract contract, Instant ingestedAt) {
        this(tenant, sourceSystem, stream, loadId, file, sourceFile, format, contract, ingestedAt,
                Envelope.RAW_SCHEMA);
    }

    public String rawTable() {
        return Envelope.rawTable(sourceSystem, stream);
    }

    /** {@code <rawSchema>.<rawTable>}, for messages. */
    public String qualifiedTable() {
        return rawSchema + "." + rawTable();
    }
}
