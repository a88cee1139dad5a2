package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lines of a JSONL file as {@code (line_no, line)} rows, numbered from 1 by physical line. A trailing carriage
 * return is a line ending, not data; lines of only blanks are not records and are not sent.
 */
final class JsonLinesFeed implements RawFeed {
    @Override
    public String columns() {
        return "line_no bigint NOT NULL, line text NOT NULL";
    }

    @Override
    public long write(InputStream in, CopyText out) throws IOException {
        ByteBuffer line = new ByteBuffer();
        long lineNo = 0;
        long rows = 0;
        int b = RawFeed.skipBom(in);
        while (b != -1) {
            lineNo++;
            line.clear();
            while (b != -1 && b != '\n') {
                line.add((byte) b);
                b = in.read();
            }
            if (writeLine(line, lineNo, out)) {
                rows++;
            }
            b = b == -1 ? -1 : in.read();
        }
        return rows;
    }

    private static boolean writeLine(ByteBuffer line, long lineNo, CopyText out) throws IOException {
        int end = line.length();
        if (end > 0 && line.bytes()[end - 1] == '\r') {
            end--;
        }
        if (isBlank(line.bytes(), end)) {
            return false;
        }
        out.number(lineNo);
        out.tab();
        out.text(line.bytes(), 0, end);
        out.endRow();
        return true;
    }

    private static boolean isBlank(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A growable byte array; one per feed, reused for every line. */
    static final class ByteBuffer {
        private byte[] bytes = new byte[8192];
        private int length;

        void add(byte b) {
            if (length == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = b;
        }

        void clear() {
            length = 0;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }
    }
}
