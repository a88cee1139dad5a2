package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes rows in {@code COPY ... FROM STDIN} text format to a byte stream: columns separated by tab, rows ended by
 * newline, {@code \N} for null, and backslash, tab, newline and carriage return escaped so the server receives the
 * bytes exactly as they were in the file. UTF-8 multi-byte sequences never contain these bytes, so escaping works
 * on raw bytes without decoding. A NUL byte, which PostgreSQL text cannot hold, is written as the six characters
 * {@code \u0000}.
 */
final class CopyText {
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] NUL_ESCAPE = {'\\', '\\', 'u', '0', '0', '0', '0'};
    private static final byte[] BACKSLASH = {'\\', '\\'};
    private static final byte[] TAB = {'\\', 't'};
    private static final byte[] NEWLINE = {'\\', 'n'};
    private static final byte[] RETURN = {'\\', 'r'};

    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int length;

    CopyText(OutputStream out) {
        this.out = out;
    }

    void number(long value) throws IOException {
        raw(Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    void nullValue() throws IOException {
        raw(NULL);
    }

    void tab() throws IOException {
        put((byte) '\t');
    }

    void endRow() throws IOException {
        put((byte) '\n');
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code value}, escaped. */
    void text(byte[] value, int from, int to) throws IOException {
        int plain = from;
        for (int i = from; i < to; i++) {
            byte b = value[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r' || b == 0) {
                raw(value, plain, i);
                switch (b) {
                    case '\\' -> raw(BACKSLASH);
                    case '\t' -> raw(TAB);
                    case '\n' -> raw(NEWLINE);
                    case '\r' -> raw(RETURN);
                    default -> raw(NUL_ESCAPE);
                }
                plain = i + 1;
            }
        }
        raw(value, plain, to);
    }

    void text(String value) throws IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        text(bytes, 0, bytes.length);
    }

    void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
        out.flush();
    }

    private void raw(byte[] bytes) throws IOException {
        raw(bytes, 0, bytes.length);
    }

    private void raw(byte[] bytes, int from, int to) throws IOException {
        int at = from;
        while (at < to) {
            if (length == buffer.length) {
                out.write(buffer, 0, length);
                length = 0;
            }
            int n = Math.min(to - at, buffer.length - length);
            System.arraycopy(bytes, at, buffer, length, n);
            length += n;
            at += n;
        }
    }

    private void put(byte b) throws IOException {
        if (length == buffer.length) {
            out.write(buffer, 0, length);
            length = 0;
        }
        buffer[length++] = b;
    }
}
