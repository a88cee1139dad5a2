package io.cairn.datagen.engine;

import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Comma-separated values with a header row; values are quoted only when they need it. */
final class CsvSink implements RecordSink {
    private final Writer out;
    private final List<String> columns;
    private final List<String> idFields;

    CsvSink(Writer out, List<String> columns, List<String> idFields) {
        this.out = out;
        this.columns = List.copyOf(columns);
        this.idFields = idFields;
        row(new ArrayList<>(columns));
    }

    @Override
    public void intact(Map<String, Object> record) {
        row(values(record, false));
    }

    @Override
    public void missingId(Map<String, Object> record) {
        row(values(record, true));
    }

    @Override
    public void malformed(Map<String, Object> record, double cut) {
        List<String> values = values(record, false);
        values.add(Math.max(1, (int) (values.size() * cut)), "");
        row(values);
    }

    private List<String> values(Map<String, Object> record, boolean blankIds) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = blankIds && idFields.contains(column) ? null : record.get(column);
            values.add(text(value));
        }
        return values;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private void row(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(values.get(i)));
        }
        Files2.write(out, line.append('\n').toString());
    }

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        Files2.close(out);
    }
}
