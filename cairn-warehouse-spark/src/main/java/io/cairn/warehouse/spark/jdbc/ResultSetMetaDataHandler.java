package io.cairn.warehouse.spark.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** {@link ResultSetMetaData} of collected rows. */
final class ResultSetMetaDataHandler implements SparkJdbc.Handler {
    private final List<Column> columns;

    ResultSetMetaDataHandler(List<Column> columns) {
        this.columns = columns;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (SparkJdbc.isObjectMethod(method)) {
            return SparkJdbc.objectMethod(self, method, args, "SparkResultSetMetaData");
        }
        if (method.getName().equals("getColumnCount")) {
            return columns.size();
        }
        if (args.length != 1 || !(args[0] instanceof Integer index)) {
            throw SparkJdbc.unsupported(method);
        }
        if (index < 1 || index > columns.size()) {
            throw new SQLException("Column " + index + " is out of range 1.." + columns.size());
        }
        Column column = columns.get(index - 1);
        return switch (method.getName()) {
            case "getColumnName", "getColumnLabel" -> column.label();
            case "getColumnType" -> column.sqlType();
            case "getColumnTypeName" -> column.typeName();
            case "getPrecision" -> column.precision();
            case "getScale" -> column.scale();
            case "isNullable" -> ResultSetMetaData.columnNullableUnknown;
            case "isSigned" -> column.sqlType() == Types.BIGINT || column.sqlType() == Types.INTEGER
                    || column.sqlType() == Types.DECIMAL || column.sqlType() == Types.DOUBLE;
            case "getSchemaName", "getTableName", "getCatalogName" -> "";
            case "getColumnClassName" -> Object.class.getName();
            case "getColumnDisplaySize" -> 0;
            case "isReadOnly" -> true;
            case "isWritable", "isDefinitelyWritable", "isAutoIncrement", "isCurrency" -> false;
            case "isCaseSensitive", "isSearchable" -> true;
            default -> throw SparkJdbc.unsupported(method);
        };
    }
}
