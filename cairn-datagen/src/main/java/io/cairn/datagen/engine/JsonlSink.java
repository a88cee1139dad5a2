package io.cairn.datagen.engine;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Newline-delimited JSON: one record per line. */
final class JsonlSink implements RecordSink {
    private final Writer out;
    private final List<String> idFields;

    JsonlSink(Writer out, List<String> idFields) {
        this.out = out;
        this.idFields = idFields;
    }

    @Override
    public void intact(Map<String, Object> record) {
        writeLine(Json.line(record));
    }

    @Override
    public void missingId(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        idFields.forEach(copy::remove);
        writeLine(Json.line(copy));
    }

    @Override
    public void malformed(Map<String, Object> record, double cut) {
        String line = Json.line(record);
        // Cutting before the closing brace always leaves an unclosed object: never valid JSON.
        int end = Math.max(1, Math.min(line.length() - 1, (int) (line.length() * cut)));
        writeLine(line.substring(0, end));
    }

    private void writeLine(String line) {
        Files2.write(out, line);
        Files2.write(out, "\n");
    }

    @Override
    public void close() {
        Files2.close(out);
    }
}
