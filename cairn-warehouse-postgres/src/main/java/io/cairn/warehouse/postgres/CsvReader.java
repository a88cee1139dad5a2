package io.cairn.warehouse.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader that keeps each record's raw text and the line it starts on, and never stops at a bad
 * record: a broken one comes back with an error and the reader carries on at the next line break outside quotes.
 */
final class CsvReader {
    private static final int NONE = -2;

    private final BufferedReader in;
    private long line = 1;
    private int pending = NONE;
    private boolean started;

    CsvReader(BufferedReader in) {
        this.in = in;
    }

    /** One record; {@code fields} holds null for an unquoted empty field. */
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
        Builder record = new Builder(line);
        for (; c != -1; c = read()) {
            if (record.inQuotes ? !quoted(record, c) : !unquoted(record, c)) {
                break;
            }
        }
        if (c == -1 && record.inQuotes) {
            record.fail("a quoted field is not closed before the end of the file");
        }
        return record.build();
    }

    /** Consumes one character inside quotes; always continues the record. */
    private boolean quoted(Builder record, int c) throws IOException {
        record.raw.append((char) c);
        if (c != '"') {
            if (c == '\n') {
                line++;
            }
            record.field.append((char) c);
        }
        else if (peek() == '"') {
            record.raw.append((char) read());
            record.field.append('"');
        }
        else {
            record.inQuotes = false;
            record.closed = true;
        }
        return true;
    }

    /** Consumes one character outside quotes; returns false at the line break that ends the record. */
    private boolean unquoted(Builder record, int c) throws IOException {
        if (c == '\n' || c == '\r') {
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
            return false;
        }
        record.raw.append((char) c);
        if (c == ',') {
            record.endField();
        }
        else if (c == '"' && record.field.length() == 0 && !record.quoted) {
            record.quoted = true;
            record.inQuotes = true;
        }
        else if (record.closed) {
            record.fail("characters after a closing quote in field " + (record.fields.size() + 1));
        }
        else {
            record.field.append((char) c);
        }
        return true;
    }

    private int read() throws IOException {
        int c;
        if (pending != NONE) {
            c = pending;
            pending = NONE;
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
        if (pending == NONE) {
            pending = in.read();
        }
        return pending;
    }

    /** The record being read. */
    private static final class Builder {
        final long start;
        final List<String> fields = new ArrayList<>();
        final StringBuilder raw = new StringBuilder();
        final StringBuilder field = new StringBuilder();
        boolean quoted;
        boolean inQuotes;
        boolean closed;
        String error;

        Builder(long start) {
            this.start = start;
        }

        void endField() {
            fields.add(quoted || field.length() > 0 ? field.toString() : null);
            field.setLength(0);
            quoted = false;
            closed = false;
        }

        void fail(String reason) {
            if (error == null) {
                error = reason;
            }
        }

        Record build() {
            endField();
            return new Record(start, fields, raw.toString(), error);
        }
    }
}
