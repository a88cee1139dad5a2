package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.cairn.warehouse.postgres.JsonLinesFeed.ByteBuffer;

/**
 * Elements of a JSON-array file as {@code (line_no, line)} rows, numbered from 1 by element, each minified (blanks
 * outside strings dropped, as DuckDB's {@code json()} does, so record hashes match across engines). Only the
 * array's structure is checked here (brackets, commas, strings); whether each element is valid JSON is decided by
 * PostgreSQL's {@code jsonb} parser. A file that is not one complete array fails as a whole.
 */
final class JsonArrayFeed implements RawFeed {
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
        int b = skipBlanks(in, RawFeed.skipBom(in));
        if (b != '[') {
            throw new RawFeed.MalformedFileException("it does not start with '['");
        }
        b = skipBlanks(in, in.read());
        if (b == ']') {
            return expectEnd(in, 0);
        }
        ByteBuffer element = new ByteBuffer();
        long elements = 0;
        while (true) {
            element.clear();
            b = readElement(in, b, element);
            if (element.length() == 0) {
                throw new RawFeed.MalformedFileException("element " + (elements + 1) + " is empty");
            }
            elements++;
            out.number(elements);
            out.tab();
            out.text(element.bytes(), 0, element.length());
            out.endRow();
            if (b == ']') {
                return expectEnd(in, elements);
            }
            b = skipBlanks(in, in.read());
        }
    }

    /** Reads one element starting at {@code b}; returns the ',' or ']' that ends it. */
    private static int readElement(InputStream in, int first, ByteBuffer element) throws IOException {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int b = first; ; b = in.read()) {
            if (b == -1) {
                throw new RawFeed.MalformedFileException("it ends inside an element (truncated)");
            }
            if (inString) {
                element.add((byte) b);
                if (escaped) {
                    escaped = false;
                }
                else if (b == '\\') {
                    escaped = true;
                }
                else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (depth == 0 && (b == ',' || b == ']')) {
                return b;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    if (--depth < 0) {
                        throw new RawFeed.MalformedFileException("it has an unbalanced '" + (char) b + "'");
                    }
                }
                default -> { }
            }
            if (!isBlank(b)) {
                element.add((byte) b);
            }
        }
    }

    private static long expectEnd(InputStream in, long elements) throws IOException {
        if (skipBlanks(in, in.read()) != -1) {
            throw new RawFeed.MalformedFileException("it has content after the closing ']'");
        }
        return elements;
    }

    private static int skipBlanks(InputStream in, int b) throws IOException {
        while (isBlank(b)) {
            b = in.read();
        }
        return b;
    }

    private static boolean isBlank(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
