package io.cairn.core.serving;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Writes RFC 4180 CSV: CRLF line ends; a field holding a comma, a double quote, CR or LF is enclosed in double
 * quotes with its quotes doubled; null is an empty field; numbers are written in plain notation, dates and times in
 * ISO-8601, binary values in Base64.
 */
final class CsvWriter {
    private static final String CRLF = "\r\n";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write(CRLF);
    }

    static String field(Object value) {
        String text = text(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }
}
