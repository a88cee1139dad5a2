package io.cairn.datagen.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Exact counts for one stream, kept while its files are written. */
public final class StreamStats {
    long files;
    long bytes;
    long recordsWritten;
    long landed;
    long duplicates;
    long deadLetter;
    long warn;
    long distinctIds;
    long updatedVersions;
    long lateRecords;
    long malformedLines;
    long missingId;

    public long files() {
        return files;
    }

    public long bytes() {
        return bytes;
    }

    public long recordsWritten() {
        return recordsWritten;
    }

    public long landed() {
        return landed;
    }

    public long duplicates() {
        return duplicates;
    }

    public long deadLetter() {
        return deadLetter;
    }

    public long warn() {
        return warn;
    }

    public long distinctIds() {
        return distinctIds;
    }

    /** The landing expectations, keyed as in the truth file. */
    public Map<String, Object> expectations() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("files", files);
        out.put("records_written", recordsWritten);
        out.put("expected_landed", landed);
        out.put("expected_duplicates", duplicates);
        out.put("expected_dead_letter", deadLetter);
        out.put("expected_warn", warn);
        out.put("distinct_ids", distinctIds);
        return out;
    }

    /** The injected defects per kind, keyed as in the truth file. */
    public Map<String, Object> defects() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exact_duplicates", duplicates);
        out.put("updated_versions", updatedVersions);
        out.put("late_records", lateRecords);
        out.put("malformed_lines", malformedLines);
        out.put("missing_id", missingId);
        out.put("unknown_currency", warn);
        return out;
    }
}
