package io.cairn.warehouse.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of a CSV file (RFC 4180: comma-separated, double-quoted fields may hold commas, quotes and newlines) as
 * {@code (line_no, raw_text, fields, reason)} rows. The first record is the header; {@link #header()} holds it after
 * {@link #write}. A record whose field count differs from the header's, or whose quoting is broken, is sent with its
 * raw text and a reason instead of fields, numbered by the physical line it starts on. An unquoted empty field is
 * null, a quoted one the empty string. PostgreSQL's own {@code COPY ... CSV} cannot be used directly: on
 * PostgreSQL 14 one malformed row aborts the whole copy and says nothing about the others.
 */
final class CsvFeed implements RawFeed {
    private List<String> header = List.of();

    @Override
    public String columns() {
        return "line_no bigint NOT NULL, raw_text text, fields text[], reason text";
    }

    List<String> header() {
        return header;
    }

    @Override
    public List<String> wideColumns() {
        return List.of("raw_text", "fields");
    }

    @Override
    public long write(InputStream in, CopyText out) throws IOException {
        CsvReader reader = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        CsvReader.Record record = reader.next();
        while (record != null && record.isBlank()) {
            record = reader.next();
        }
        if (record == null) {
            return 0;
        }
        header = record.fields().stream().map(field -> field == null ? "" : field).toList();
        long rows = 0;
        while ((record = reader.next()) != null) {
            if (!record.isBlank()) {
                writeRecord(record, out);
                rows++;
            }
        }
        return rows;
    }

    private void writeRecord(CsvReader.Record record, CopyText out) throws IOException {
        String reason = record.error();
        if (reason == null && record.fields().size() != header.size()) {
            reason = "expected " + header.size() + " fields as in the header, found " + record.fields().size();
        }
        out.number(record.line());
        out.tab();
        if (reason == null) {
            out.nullValue();
            out.tab();
            out.text(arrayLiteral(record.fields()));
            out.tab();
            out.nullValue();
        }
        else {
            out.text(record.rawText());
            out.tab();
            out.nullValue();
            out.tab();
            out.text(reason);
        }
        out.endRow();
    }

    private static String arrayLiteral(List<String> fields) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String field = fields.get(i);
            if (field == null) {
                literal.append("NULL");
            }
            else {
                literal.append('"').append(field.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return literal.append('}').toString();
    }
}
