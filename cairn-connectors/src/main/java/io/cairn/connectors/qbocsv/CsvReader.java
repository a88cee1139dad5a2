package io.cairn.connectors.qbocsv;

import io.cairn.core.csv.CsvText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV as QuickBooks writes it: quoted fields with doubled quotes and embedded commas or line breaks. */
final class CsvReader {
    private CsvReader() {}

    /**
     * Every row of {@code text} as a list of fields ({@link CsvText}: a leading byte-order mark is ignored); rows of
     * one blank field (report spacer lines) are dropped.
     */
    static List<List<String>> parse(String text) {
        return CsvText.parse(text).stream().filter(row -> !(row.size() == 1 && row.get(0).isBlank())).toList();
    }

    /** Rows after the header as maps from column name to value. */
    static List<Map<String, String>> records(List<List<String>> rows) {
        List<Map<String, String>> records = new ArrayList<>();
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }
}
