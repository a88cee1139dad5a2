package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link DatabaseMetaData} from the session's current catalog: schemas are its namespaces, tables and views what
 * {@code SHOW TABLES} and {@code SHOW VIEWS} list, columns what Spark resolves for each. Name patterns take
 * {@code %} and {@code _}; names match without regard to case, as Spark resolves them.
 */
final class DatabaseMetaDataHandler implements SparkJdbc.Handler {
    private final SparkSession session;
    private final Connection connection;
    private final String url;

    DatabaseMetaDataHandler(SparkSession session, Connection connection, String url) {
        this.session = session;
        this.connection = connection;
        this.url = url;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (SparkJdbc.isObjectMethod(method)) {
            return SparkJdbc.objectMethod(self, method, args, "SparkDatabaseMetaData");
        }
        return switch (method.getName()) {
            case "getDatabaseProductName" -> "Spark";
            case "getDatabaseProductVersion" -> session.version();
            case "getDriverName" -> "Cairn Spark JDBC view";
            case "getDriverVersion" -> "1";
            case "getURL" -> url;
            case "getUserName" -> session.sparkContext().sparkUser();
            case "getConnection" -> connection;
            case "getIdentifierQuoteString" -> "\"";
            case "storesLowerCaseIdentifiers", "supportsSchemasInTableDefinitions" -> true;
            case "storesUpperCaseIdentifiers", "storesMixedCaseIdentifiers", "supportsTransactions" -> false;
            case "getSchemas" -> schemas(args.length == 2 ? (String) args[1] : null).resultSet();
            case "getTables" -> tables((String) args[1], (String) args[2], (String[]) args[3]).resultSet();
            case "getColumns" -> columns((String) args[1], (String) args[2], (String) args[3]).resultSet();
            default -> throw SparkJdbc.unsupported(method);
        };
    }

    private Rows schemas(String schemaPattern) throws SQLException {
        String catalog = currentCatalog();
        List<Object[]> values = new ArrayList<>();
        for (String schema : namespaces(schemaPattern)) {
            values.add(new Object[] {schema, catalog});
        }
        return new Rows(List.of(Column.of("TABLE_SCHEM", Types.VARCHAR, "STRING"),
                Column.of("TABLE_CATALOG", Types.VARCHAR, "STRING")), values);
    }

    private Rows tables(String schemaPattern, String tablePattern, String[] types) throws SQLException {
        Set<String> wanted = types == null ? Set.of("TABLE", "VIEW") : Set.of(types);
        String catalog = currentCatalog();
        List<Object[]> values = new ArrayList<>();
        for (String schema : namespaces(schemaPattern)) {
            Set<String> views = names("SHOW VIEWS IN " + quote(schema), "viewName", tablePattern);
            Set<String> tables = names("SHOW TABLES IN " + quote(schema), "tableName", tablePattern);
            tables.removeAll(views);
            if (wanted.contains("TABLE")) {
                tables.forEach(t -> values.add(new Object[] {catalog, schema, t, "TABLE", null}));
            }
            if (wanted.contains("VIEW")) {
                views.forEach(v -> values.add(new Object[] {catalog, schema, v, "VIEW", null}));
            }
        }
        return new Rows(List.of(Column.of("TABLE_CAT", Types.VARCHAR, "STRING"),
                Column.of("TABLE_SCHEM", Types.VARCHAR, "STRING"), Column.of("TABLE_NAME", Types.VARCHAR, "STRING"),
                Column.of("TABLE_TYPE", Types.VARCHAR, "STRING"), Column.of("REMARKS", Types.VARCHAR, "STRING")),
                values);
    }

    private Rows columns(String schemaPattern, String tablePattern, String columnPattern) throws SQLException {
        Pattern columnMatch = like(columnPattern);
        List<Object[]> values = new ArrayList<>();
        Rows tables = tables(schemaPattern, tablePattern, null);
        for (Object[] table : tables.values()) {
            String schema = (String) table[1];
            String name = (String) table[2];
            StructField[] fields;
            try {
                fields = session.table(quote(schema) + "." + quote(name)).schema().fields();
            }
            catch (Exception e) {
                if (e instanceof SparkThrowable) {
                    continue; // dropped since it was listed, or a view that no longer resolves
                }
                throw StatementHandler.toSqlException(e);
            }
            for (int i = 0; i < fields.length; i++) {
                if (!columnMatch.matcher(fields[i].name()).matches()) {
                    continue;
                }
                Column type = Rows.column(fields[i].name(), fields[i].dataType());
                values.add(new Object[] {table[0], schema, name, fields[i].name(), type.sqlType(), type.typeName(),
                        type.precision(), type.scale(),
                        fields[i].nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                        i + 1, fields[i].nullable() ? "YES" : "NO"});
            }
        }
        return new Rows(List.of(Column.of("TABLE_CAT", Types.VARCHAR, "STRING"),
                Column.of("TABLE_SCHEM", Types.VARCHAR, "STRING"), Column.of("TABLE_NAME", Types.VARCHAR, "STRING"),
                Column.of("COLUMN_NAME", Types.VARCHAR, "STRING"), Column.of("DATA_TYPE", Types.INTEGER, "INT"),
                Column.of("TYPE_NAME", Types.VARCHAR, "STRING"), Column.of("COLUMN_SIZE", Types.INTEGER, "INT"),
                Column.of("DECIMAL_DIGITS", Types.INTEGER, "INT"), Column.of("NULLABLE", Types.INTEGER, "INT"),
                Column.of("ORDINAL_POSITION", Types.INTEGER, "INT"), Column.of("IS_NULLABLE", Types.VARCHAR, "STRING")),
                values);
    }

    private List<String> namespaces(String pattern) throws SQLException {
        return new ArrayList<>(names("SHOW NAMESPACES", "namespace", pattern));
    }

    private Set<String> names(String sql, String column, String pattern) throws SQLException {
        Pattern match = like(pattern);
        Set<String> out = new LinkedHashSet<>();
        try {
            for (Row row : session.sql(sql).collectAsList()) {
                String name = row.getString(row.fieldIndex(column));
                if (match.matcher(name).matches()) {
                    out.add(name);
                }
            }
        }
        catch (Exception e) {
            throw StatementHandler.toSqlException(e);
        }
        return out;
    }

    private String currentCatalog() {
        return session.sessionState().catalogManager().currentCatalog().name();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A JDBC name pattern ({@code %}, {@code _}; null matches everything) as a case-insensitive regex. */
    static Pattern like(String pattern) {
        if (pattern == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

}
