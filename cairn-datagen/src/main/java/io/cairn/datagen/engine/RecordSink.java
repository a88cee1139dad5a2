package io.cairn.datagen.engine;

import java.io.Closeable;
import java.util.Map;

/** One open data file of a stream, in the stream's format. Each call writes exactly one line, element or row. */
public interface RecordSink extends Closeable {
    void intact(Map<String, Object> record);

    /** A copy of the record whose id fields are removed (JSON) or empty (CSV). */
    void missingId(Map<String, Object> record);

    /** A broken copy of the record: truncated JSON, or a CSV row with one field too many. */
    void malformed(Map<String, Object> record, double cut);

    @Override
    void close();
}
