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

    /** A small RFC 4180 reader that keeps each record's raw text and starting line, and never stops at a bad record. */
    static final class CsvReader {
        private final BufferedReader in;
        private long line = 1;
        private int pending = -2;
        private boolean started;

        CsvReader(BufferedReader in) {
            this.in = in;
        }

        record Record(long line, List<String> fields, String rawText, String error) {
            boolean isBlank() {
                return error == null && rawText.isBlank() && fields.size() == 1 && fields.get(0) == null;
            }
        }

        /** The next record, or null at the end of the file. */
        Record next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder raw = new StringBuilder();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean inQuotes = false;
            boolean closed = false;
            String error = null;
            for (; ; c = read()) {
                if (c == -1) {
                    if (inQuotes) {
                        error = "a quoted field is not closed before the end of the file";
                    }
                    break;
                }
                if (inQuotes) {
                    raw.append((char) c);
                    if (c == '"') {
                        int after = peek();
                        if (after == '"') {
                            raw.append((char) read());
                            field.append('"');
                        }
                        else {
                            inQuotes = false;
                            closed = true;
                        }
                    }
                    else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    line++;
                    break;
                }
                raw.append((char) c);
                if (c == ',') {
                    fields.add(quoted || field.length() > 0 ? field.toString() : null);
                    field.setLength(0);
                    quoted = false;
                    closed = false;
                }
                else if (c == '"' && field.length() == 0 && !quoted) {
                    quoted = true;
                    inQuotes = true;
                }
                else if (closed) {
                    if (error == null) {
                        error = "characters after a closing quote in field " + (fields.size() + 1);
                    }
                }
                else {
                    field.append((char) c);
                }
            }
            fields.add(quoted || field.length() > 0 ? field.toString() : null);
            return new Record(start, fields, raw.toString(), error);
        }

        private int read() throws IOException {
            int c;
            if (pending != -2) {
                c = pending;
                pending = -2;
            }
            else {
                c = in.read();
            }
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    return read();
                }
            }
            return c;
        }

        private int peek() throws IOException {
            if (pending == -2) {
                pending = in.read();
            }
            return pending;
        }
    }
}
