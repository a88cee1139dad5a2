package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows collected from Spark as plain Java values (sessions run with {@code java.time} values: {@code DATE} is a
 * {@link LocalDate}, {@code TIMESTAMP} an {@link Instant}, {@code TIMESTAMP_NTZ} a {@link LocalDateTime}; arrays
 * become lists, maps maps and structs maps by field name), with their columns.
 */
record Rows(List<Column> columns, List<Object[]> values) {
    static Rows of(Dataset<Row> frame) {
        StructType schema = frame.schema();
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            columns.add(column(field.name(), field.dataType()));
        }
        List<Object[]> values = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            Object[] out = new Object[row.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = javaValue(row.get(i));
            }
            values.add(out);
        }
        return new Rows(columns, values);
    }

    ResultSet resultSet() {
        return SparkJdbc.proxy(ResultSet.class, new ResultSetHandler(this));
    }

    static Column column(String label, DataType type) {
        if (type instanceof DecimalType decimal) {
            return new Column(label, Types.DECIMAL, type.sql(), decimal.precision(), decimal.scale());
        }
        int sqlType;
        if (type.equals(DataTypes.StringType)) {
            sqlType = Types.VARCHAR;
        }
        else if (type.equals(DataTypes.LongType)) {
            sqlType = Types.BIGINT;
        }
        else if (type.equals(DataTypes.IntegerType)) {
            sqlType = Types.INTEGER;
        }
        else if (type.equals(DataTypes.ShortType)) {
            sqlType = Types.SMALLINT;
        }
        else if (type.equals(DataTypes.ByteType)) {
            sqlType = Types.TINYINT;
        }
        else if (type.equals(DataTypes.DoubleType)) {
            sqlType = Types.DOUBLE;
        }
        else if (type.equals(DataTypes.FloatType)) {
            sqlType = Types.REAL;
        }
        else if (type.equals(DataTypes.BooleanType)) {
            sqlType = Types.BOOLEAN;
        }
        else if (type.equals(DataTypes.DateType)) {
            sqlType = Types.DATE;
        }
        else if (type.equals(DataTypes.TimestampType)) {
            sqlType = Types.TIMESTAMP_WITH_TIMEZONE;
        }
        else if (type.equals(DataTypes.TimestampNTZType)) {
            sqlType = Types.TIMESTAMP;
        }
        else if (type.equals(DataTypes.BinaryType)) {
            sqlType = Types.VARBINARY;
        }
        else if (type.equals(DataTypes.NullType)) {
            sqlType = Types.NULL;
        }
        else if (type instanceof ArrayType) {
            sqlType = Types.ARRAY;
        }
        else if (type instanceof StructType || type instanceof MapType) {
            sqlType = Types.STRUCT;
        }
        else {
            sqlType = Types.OTHER;
        }
        return Column.of(label, sqlType, type.sql());
    }

    private static Object javaValue(Object value) {
        if (value instanceof scala.collection.Seq<?> seq) {
            List<Object> list = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(v -> list.add(javaValue(v)));
            return list;
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava(map).forEach((k, v) -> out.put(javaValue(k), javaValue(v)));
            return out;
        }
        if (value instanceof Row row) {
            Map<String, Object> out = new LinkedHashMap<>();
            StructField[] fields = row.schema().fields();
            for (int i = 0; i < fields.length; i++) {
                out.put(fields[i].name(), javaValue(row.get(i)));
            }
            return out;
        }
        return value;
    }

    /** A JDBC parameter as Spark's parameterized SQL takes it. */
    static Object toSparkValue(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return value;
    }

    /** The value as {@code type}, for {@code ResultSet.getObject(i, type)} and the typed getters. */
    static Object convert(Object value, Class<?> type) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (type == String.class) {
            return text(value);
        }
        if (value instanceof Number number) {
            if (type == Long.class || type == long.class) {
                return number.longValue();
            }
            if (type == Integer.class || type == int.class) {
                return number.intValue();
            }
            if (type == Double.class || type == double.class) {
                return number.doubleValue();
            }
            if (type == Float.class || type == float.class) {
                return number.floatValue();
            }
            if (type == Short.class || type == short.class) {
                return number.shortValue();
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(number.toString());
            }
        }
        if (value instanceof String text) {
            if (type == Long.class || type == long.class) {
                return Long.parseLong(text.strip());
            }
            if (type == Integer.class || type == int.class) {
                return Integer.parseInt(text.strip());
            }
            if (type == Double.class || type == double.class) {
                return Double.parseDouble(text.strip());
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(text.strip());
            }
            if (type == Boolean.class || type == boolean.class) {
                return Boolean.parseBoolean(text.strip());
            }
        }
        if (value instanceof Instant instant) {
            if (type == OffsetDateTime.class) {
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            if (type == Timestamp.class) {
                return Timestamp.from(instant);
            }
            if (type == LocalDate.class) {
                return LocalDate.ofInstant(instant, ZoneOffset.UTC);
            }
        }
        if (value instanceof LocalDateTime local) {
            if (type == Timestamp.class) {
                return Timestamp.valueOf(local);
            }
            if (type == OffsetDateTime.class) {
                return local.atOffset(ZoneOffset.UTC);
            }
            if (type == LocalDate.class) {
                return local.toLocalDate();
            }
        }
        if (value instanceof LocalDate date) {
            if (type == java.sql.Date.class) {
                return java.sql.Date.valueOf(date);
            }
            if (type == LocalDateTime.class) {
                return date.atStartOfDay();
            }
            if (type == Timestamp.class) {
                return Timestamp.valueOf(date.atStartOfDay());
            }
        }
        if (value instanceof Boolean bool && (type == boolean.class)) {
            return bool;
        }
        throw new ClassCastException("Cannot read a " + value.getClass().getSimpleName() + " as "
                + type.getSimpleName());
    }

    /** The value's text, as the other engines' drivers give it: timestamps as {@code yyyy-MM-dd HH:mm:ss[.f]}. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return text(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime local) {
            String out = local.toLocalDate() + " " + String.format("%02d:%02d:%02d", local.getHour(),
                    local.getMinute(), local.getSecond());
            if (local.getNano() != 0) {
                out += "." + String.format("%09d", local.getNano()).replaceAll("0+$", "");
            }
            return out;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
