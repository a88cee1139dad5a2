package io.cairn.core.serving;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads JDBC rows as plain Java values the same way on every engine: numbers, strings, booleans,
 * {@code java.time} values ({@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime} for time-zone-aware
 * timestamps, {@code LocalTime}), {@code byte[]}, lists for arrays, and text for everything else (JSON, structs).
 */
final class JdbcValues {
    private final ResultSet rows;
    private final int[] kinds;
    private final List<String> columns = new ArrayList<>();

    private static final int PLAIN = 0;
    private static final int DATE = 1;
    private static final int TIMESTAMP = 2;
    private static final int TIMESTAMP_TZ = 3;
    private static final int TIME = 4;

    JdbcValues(ResultSet rows) throws SQLException {
        this.rows = rows;
        ResultSetMetaData meta = rows.getMetaData();
        kinds = new int[meta.getColumnCount()];
        for (int i = 0; i < kinds.length; i++) {
            columns.add(meta.getColumnLabel(i + 1));
            kinds[i] = kind(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1));
        }
    }

    List<String> columns() {
        return columns;
    }

    /** Up to {@code max} rows; {@code hasMore} when one more exists. */
    ResultPage page(int max) throws SQLException {
        List<List<Object>> page = new ArrayList<>();
        boolean more = false;
        while (rows.next()) {
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(current());
        }
        return new ResultPage(columns, page, more);
    }

    /** The current row. */
    List<Object> current() throws SQLException {
        List<Object> row = new ArrayList<>(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            row.add(value(i + 1, kinds[i]));
        }
        return row;
    }

    private Object value(int column, int kind) throws SQLException {
        Object value = switch (kind) {
            case DATE -> rows.getObject(column, LocalDate.class);
            case TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case TIMESTAMP_TZ -> rows.getObject(column, OffsetDateTime.class);
            case TIME -> rows.getObject(column, LocalTime.class);
            default -> rows.getObject(column);
        };
        return plain(value);
    }

    private static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
                || value instanceof byte[] || value instanceof java.time.temporal.Temporal) {
            return value;
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            List<Object> list = new ArrayList<>();
            for (Object element : elements instanceof Object[] objects ? Arrays.asList(objects) : List.of(elements)) {
                list.add(plain(element));
            }
            return list;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return value.toString();
    }

    private static int kind(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("with time zone")) {
            return TIMESTAMP_TZ;
        }
        return switch (type) {
            case Types.DATE -> DATE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIME -> TIME;
            default -> PLAIN;
        };
    }
}
