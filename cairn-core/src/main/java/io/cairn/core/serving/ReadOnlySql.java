package io.cairn.core.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/**
 * The first, cheap gate for a tenant's SQL: exactly one statement, and one that reads ({@code SELECT},
 * {@code WITH}, {@code VALUES}, {@code TABLE}, DuckDB's {@code FROM}-first form, or one of these in parentheses),
 * without the words that make a read write ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE},
 * {@code TRUNCATE}, {@code INTO}) outside quotes and comments. It is a convenience that gives a clear message
 * early; isolation itself is the engine's (read-only copies, row-level security, read-only transactions).
 */
final class ReadOnlySql {
    private static final Set<String> READS = Set.of("select", "with", "values", "table", "from");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "merge", "truncate", "into");

    private ReadOnlySql() {}

    /** The statement without trailing semicolons, or a {@code BAD_INPUT} naming what is wrong with it. */
    static String check(TenantId tenant, String sql) {
        if (sql == null) {
            throw refused(tenant, "no SQL was given");
        }
        Scan scan = new Scan(sql);
        scan.run();
        if (scan.unterminated != null) {
            throw refused(tenant, "it has an unterminated " + scan.unterminated);
        }
        if (scan.words.isEmpty() && !scan.startsWithParenthesis) {
            throw refused(tenant, "it holds no statement");
        }
        if (scan.statements > 1) {
            throw refused(tenant, "it holds more than one statement; send exactly one");
        }
        String first = scan.startsWithParenthesis ? "select" : scan.words.get(0);
        if (!READS.contains(first)) {
            throw refused(tenant, "only a read (SELECT, WITH, VALUES, TABLE or FROM) is allowed, not "
                    + first.toUpperCase(Locale.ROOT));
        }
        for (String word : scan.words) {
            if (WRITES.contains(word)) {
                throw refused(tenant, "only a read is allowed; it uses " + word.toUpperCase(Locale.ROOT));
            }
        }
        return sql.substring(0, scan.end);
    }

    private static CairnException refused(TenantId tenant, String reason) {
        return new CairnException(ErrorCode.BAD_INPUT, "Cannot run the query of tenant %s: %s", tenant, reason);
    }

    /** One pass over the text: bare words (lower case), statements, and where the last statement ends. */
    private static final class Scan {
        private final String sql;
        private final List<String> words = new ArrayList<>();
        private int statements;
        private boolean inStatement;
        private boolean startsWithParenthesis;
        private int end;
        private String unterminated;
        private int i;

        Scan(String sql) {
            this.sql = sql;
        }

        void run() {
            while (i < sql.length() && unterminated == null) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                }
                else if (c == '-' && next() == '-') {
                    int newline = sql.indexOf('\n', i);
                    i = newline < 0 ? sql.length() : newline + 1;
                }
                else if (c == '/' && next() == '*') {
                    skipBlockComment();
                }
                else if (c == ';') {
                    inStatement = false;
                    i++;
                }
                else {
                    token(c);
                }
            }
        }

        private void token(char c) {
            if (!inStatement) {
                inStatement = true;
                statements++;
                startsWithParenthesis = statements == 1 && c == '(';
            }
            if (c == '\'') {
                skipQuoted('\'', isEscapeString() ? '\\' : 0, "string");
            }
            else if (c == '"') {
                skipQuoted('"', (char) 0, "quoted identifier");
            }
            else if (c == '$' && dollarTag() != null) {
                skipDollarQuoted(dollarTag());
            }
            else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                words.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            }
            else {
                i++;
            }
            end = i;
        }

        private char next() {
            return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
        }

        private boolean isEscapeString() {
            return i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                    && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)));
        }

        private void skipQuoted(char quote, char escape, String what) {
            i++;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (escape != 0 && c == escape) {
                    i += 2;
                }
                else if (c == quote && next() == quote) {
                    i += 2;
                }
                else if (c == quote) {
                    i++;
                    return;
                }
                else {
                    i++;
                }
            }
            unterminated = what;
        }

        /** {@code $tag$} starting at the current position (PostgreSQL dollar quoting), or null. */
        private String dollarTag() {
            int close = i + 1;
            while (close < sql.length() && (Character.isLetterOrDigit(sql.charAt(close)) || sql.charAt(close) == '_')) {
                close++;
            }
            if (close < sql.length() && sql.charAt(close) == '$' && (close == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                return sql.substring(i, close + 1);
            }
            return null;
        }

        private void skipDollarQuoted(String tag) {
            int close = sql.indexOf(tag, i + tag.length());
            if (close < 0) {
                unterminated = "dollar-quoted string";
                return;
            }
            i = close + tag.length();
        }

        private void skipBlockComment() {
            int depth = 0;
            while (i < sql.length()) {
                if (sql.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                }
                else if (sql.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        return;
                    }
                }
                else {
                    i++;
                }
            }
            unterminated = "comment";
        }
    }
}
