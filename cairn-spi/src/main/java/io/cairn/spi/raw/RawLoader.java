package io.cairn.spi.raw;

import java.util.Optional;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Bulk-loads closed raw files into raw tables with the engine's own reader, adding the envelope.
 * Implementations never insert row by row from Java.
 */
public interface RawLoader {
    /**
     * Lands one file atomically: its rows, its dead letters and a ledger entry for its load id commit together.
     * Idempotent: a load id that has landed before returns the recorded result with {@code replayed = true} and
     * changes nothing; a record whose (tenant, source, stream, id, hash) is already present is counted as a
     * duplicate and not inserted again.
     */
    LoadResult land(LoadRequest request);

    /** The recorded result of a load id in the shared raw schema's ledger, if it has landed. */
    Optional<LoadResult> findLanded(String loadId);

    /**
     * Creates, when absent, the raw schema {@code rawSchema} with its dead-letter table and load ledger, and the
     * stream table {@code rawTable} in it (unless null), with exactly the layout landing gives them (for copying raw
     * rows between tenancy layouts). A loader that cannot throws {@code UNSUPPORTED}.
     */
    default void createTables(String rawSchema, String rawTable) {
        throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot create the raw table %s.%s: %s does not support "
                + "creating raw tables outside a load", rawSchema, rawTable, getClass().getSimpleName());
    }
}
