package io.cairn.datagen.engine;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JSON array per file, one element per line; malformed elements are never written (they would break it). */
final class JsonArraySink implements RecordSink {
    private final Writer out;
    private final List<String> idFields;
    private boolean first = true;

    JsonArraySink(Writer out, List<String> idFields) {
        this.out = out;
        this.idFields = idFields;
        Files2.write(out, "[");
    }

    @Override
    public void intact(Map<String, Object> record) {
        element(Json.line(record));
    }

    @Override
    public void missingId(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        idFields.forEach(copy::remove);
        element(Json.line(copy));
    }

    @Override
    public void malformed(Map<String, Object> record, double cut) {
        throw new UnsupportedOperationException("a JSON array file cannot hold a malformed element");
    }

    private void element(String json) {
        Files2.write(out, first ? "\n" : ",\n");
        Files2.write(out, json);
        first = false;
    }

    @Override
    public void close() {
        Files2.write(out, "\n]\n");
        Files2.close(out);
    }
}
