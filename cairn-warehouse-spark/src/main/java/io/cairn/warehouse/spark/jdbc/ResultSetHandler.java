package io.cairn.warehouse.spark.jdbc;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A forward-only, read-only {@link ResultSet} over collected {@link Rows}. */
final class ResultSetHandler implements SparkJdbc.Handler {
    private final Rows rows;
    private int position = -1;
    private boolean closed;
    private boolean lastWasNull;

    ResultSetHandler(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (SparkJdbc.isObjectMethod(method)) {
            return SparkJdbc.objectMethod(self, method, args, "SparkResultSet");
        }
        String name = method.getName();
        switch (name) {
            case "close" -> {
                closed = true;
                return null;
            }
            case "isClosed" -> {
                return closed;
            }
            case "getMetaData" -> {
                return SparkJdbc.proxy(ResultSetMetaData.class, new ResultSetMetaDataHandler(rows.columns()));
            }
            case "unwrap" -> {
                if (((Class<?>) args[0]).isInstance(self)) {
                    return self;
                }
                throw new SQLException("A Spark result set is not a " + ((Class<?>) args[0]).getName());
            }
            case "isWrapperFor" -> {
                return ((Class<?>) args[0]).isInstance(self);
            }
            default -> { }
        }
        if (closed) {
            throw new SQLException("The result set is closed");
        }
        return switch (name) {
            case "next" -> ++position < rows.values().size();
            case "wasNull" -> lastWasNull;
            case "findColumn" -> index(args[0]);
            case "getRow" -> position + 1;
            case "isBeforeFirst" -> position < 0 && !rows.values().isEmpty();
            case "isAfterLast" -> position >= rows.values().size() && !rows.values().isEmpty();
            case "isFirst" -> position == 0;
            case "isLast" -> position == rows.values().size() - 1;
            case "getType" -> ResultSet.TYPE_FORWARD_ONLY;
            case "getConcurrency" -> ResultSet.CONCUR_READ_ONLY;
            case "getFetchSize" -> 0;
            case "setFetchSize", "clearWarnings", "setFetchDirection" -> null;
            case "getWarnings", "getStatement" -> null;
            case "getObject" -> args.length == 2 && args[1] instanceof Class<?> type
                    ? Rows.convert(value(args[0]), type) : jdbcObject(value(args[0]));
            case "getString" -> Rows.text(value(args[0]));
            case "getLong" -> number(value(args[0]), long.class, 0L);
            case "getInt" -> number(value(args[0]), int.class, 0);
            case "getShort" -> number(value(args[0]), short.class, (short) 0);
            case "getDouble" -> number(value(args[0]), double.class, 0d);
            case "getFloat" -> number(value(args[0]), float.class, 0f);
            case "getBoolean" -> {
                Object value = value(args[0]);
                yield value != null && (value instanceof Boolean b ? b : Rows.convert(value, Boolean.class)
                        .equals(Boolean.TRUE));
            }
            case "getBigDecimal" -> {
                BigDecimal value = (BigDecimal) Rows.convert(value(args[0]), BigDecimal.class);
                yield value != null && args.length == 2 && args[1] instanceof Integer scale
                        ? value.setScale(scale, RoundingMode.HALF_UP) : value;
            }
            case "getDate" -> Rows.convert(value(args[0]), java.sql.Date.class);
            case "getTimestamp" -> Rows.convert(value(args[0]), Timestamp.class);
            case "getBytes" -> value(args[0]);
            default -> throw SparkJdbc.unsupported(method);
        };
    }

    private Object value(Object column) throws SQLException {
        if (position < 0 || position >= rows.values().size()) {
            throw new SQLException("The result set is not on a row");
        }
        Object value = rows.values().get(position)[index(column) - 1];
        lastWasNull = value == null;
        return value;
    }

    private int index(Object column) throws SQLException {
        if (column instanceof Integer index) {
            if (index < 1 || index > rows.columns().size()) {
                throw new SQLException("Column " + index + " is out of range 1.." + rows.columns().size());
            }
            return index;
        }
        String label = (String) column;
        for (int i = 0; i < rows.columns().size(); i++) {
            if (rows.columns().get(i).label().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLException("The result has no column " + label);
    }

    private Object number(Object value, Class<?> type, Object whenNull) {
        return value == null ? whenNull : Rows.convert(value, type);
    }

    /** The value {@code getObject(i)} returns: JDBC's usual classes for dates and times. */
    private static Object jdbcObject(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDateTime local) {
            return Timestamp.valueOf(local);
        }
        if (value instanceof LocalDate date) {
            return java.sql.Date.valueOf(date);
        }
        return value;
    }
}
