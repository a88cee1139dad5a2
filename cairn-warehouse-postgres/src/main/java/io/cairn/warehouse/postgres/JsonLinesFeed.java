package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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
    public List<String> wideColumns() {
        return List.of("line");
    }

    @Override
    public long write(InputStream in, CopyText out) throws IOException {
        ByteBuffer line = new ByteBuffer();
        byte[] chunk = new byte[1 << 16];
        long lineNo = 0;
        long rows = 0;
        int first = RawFeed.skipBom(in);
        if (first == -1) {
            return 0;
        }
        if (first == '\n') {
            lineNo++;
        }
        else {
            line.add((byte) first);
        }
        for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    line.add(chunk, start, i);
                    if (writeLine(line, ++lineNo, out)) {
                        rows++;
                    }
                    line.clear();
                    start = i + 1;
                }
            }
            line.add(chunk, start, n);
        }
        if (line.length() > 0 && writeLine(line, ++lineNo, out)) {
            rows++;
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

        void add(byte[] source, int from, int to) {
            int needed = length + to - from;
            if (needed > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
            System.arraycopy(source, from, bytes, length, to - from);
            length = needed;
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
