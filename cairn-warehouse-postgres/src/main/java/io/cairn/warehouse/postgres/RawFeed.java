package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Turns one raw file into the rows of a {@code COPY ... FROM STDIN} stream, without interpreting the records: lines
 * of a JSONL file, elements of a JSON array, records of a CSV file, each with its line (or element) number. Parsing
 * JSON, checking the contract and deduplicating happen in SQL on the server.
 */
interface RawFeed {
    /** The column list of the temporary table the stream is copied into. */
    String columns();

    /** Columns of {@link #columns()} that hold whole records. */
    List<String> wideColumns();

    /** Writes every record of {@code in} to {@code out}; returns the number of rows written. */
    long write(InputStream in, CopyText out) throws IOException;

    /** The file is structurally broken as a whole (a truncated JSON array); nothing of it may land. */
    final class MalformedFileException extends RuntimeException {
        MalformedFileException(String message) {
            super(message);
        }
    }

    /** Skips a UTF-8 byte-order mark; returns the first byte after it, or -1. */
    static int skipBom(InputStream in) throws IOException {
        int first = in.read();
        if (first != 0xEF) {
            return first;
        }
        int second = in.read();
        int third = in.read();
        if (second != 0xBB || third != 0xBF) {
            throw new MalformedFileException("it starts with bytes that are neither a UTF-8 byte-order mark nor text");
        }
        return in.read();
    }
}
