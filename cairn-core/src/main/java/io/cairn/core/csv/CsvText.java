package io.cairn.core.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records of a CSV text held in memory (seeds, exported reports): fields separated by commas, quoted fields
 * holding commas, doubled quotes and line breaks, records ended by LF, CRLF or CR. A leading byte-order mark is
 * dropped and empty lines are skipped; every other line is a record, as long as the fields it holds.
 */
public final class CsvText {
    private CsvText() {}

    /** Every record of {@code text}, each as its list of fields. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, record, field);
                record = new ArrayList<>();
            }
            else {
                field.append(c);
            }
        }
        endRecord(records, record, field);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
        if (record.isEmpty() && field.length() == 0) {
            return;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
    }
}
