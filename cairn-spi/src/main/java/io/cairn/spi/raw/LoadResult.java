package io.cairn.spi.raw;

/**
 * What one load did. Every record read is accounted for:
 * {@code recordsRead == rowsLanded + rowsDuplicate + rowsDeadLettered}.
 *
 * @param recordsRead non-blank lines of a JSONL file, elements of a JSON array, data rows of a CSV file
 * @param rowsWarned landed rows whose {@code dq_status} is {@code warn}
 * @param maxSourceUpdatedAt the largest {@code source_updated_at} among the records read, ISO-8601, or null
 * @param replayed true when the load had landed before and these are the recorded figures
 */
public record LoadResult(
        String loadId,
        long recordsRead,
        long rowsLanded,
        long rowsDuplicate,
        long rowsDeadLettered,
        long rowsWarned,
        String maxSourceUpdatedAt,
        boolean replayed) {
    public boolean balances() {
        return recordsRead == rowsLanded + rowsDuplicate + rowsDeadLettered;
    }

    public LoadResult asReplayed() {
        return new LoadResult(loadId, recordsRead, rowsLanded, rowsDuplicate, rowsDeadLettered, rowsWarned,
                maxSourceUpdatedAt, true);
    }
}
