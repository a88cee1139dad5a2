package io.cairn.warehouse.spark.raw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cairn.spi.raw.FileFormat;
import io.cairn.warehouse.spark.SparkDialect;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * Reads one raw file with Spark's own readers into the temporary view {@value #SOURCE}, one row per line (JSONL),
 * array element (JSON array) or data row (CSV), in file order, with the columns the staging SQL classifies:
 * {@code ord} (increasing in file order), {@code blank} (not a record: a blank line, an empty array),
 * {@code malformed} (the whole file does not parse: JSON arrays), {@code j} (the record's JSON text),
 * {@code bad_text} and {@code pre_reason} (the raw text and the reason of a record that does not parse) and
 * {@code v} (the record parsed into a {@code VARIANT}, null when it does not parse).
 *
 * <p>JSON is read as text and parsed in SQL rather than with {@code spark.read().json()}, because the payload must be
 * the record as received: Spark's JSON data source infers a schema and keeps only the values.
 */
final class RawFileReader {
    static final String SOURCE = "cairn_source";
    private static final String LINES = "cairn_lines";
    private static final String CORRUPT = "_cairn_corrupt_record";
    private static final String WHITESPACE = "concat(' ', char(9), char(13))";

    private RawFileReader() {}

    /** Registers {@value #SOURCE} for {@code file}; returns how many lines precede the first record row. */
    static long register(SparkSession session, FileFormat format, Path file) {
        String path = globEscaped(file);
        switch (format) {
            case JSONL -> {
                session.read().text(path).withColumn("ord", monotonically_increasing_id())
                        .createOrReplaceTempView(LINES);
                session.sql("SELECT ord, v IS NULL AND trim(BOTH " + WHITESPACE + " FROM value) = '' AS blank, "
                        + "false AS malformed, CASE WHEN v IS NOT NULL THEN (CASE WHEN startswith(value, '{') "
                        + "AND endswith(value, '}') THEN value ELSE trim(BOTH " + WHITESPACE + " FROM value) END) "
                        + "END AS j, "
                        + "CASE WHEN v IS NULL THEN value END AS bad_text, "
                        + "CASE WHEN v IS NULL THEN 'malformed JSON: the line does not parse' END AS pre_reason, v "
                        + "FROM (SELECT ord, value, try_parse_json(value) AS v FROM " + LINES + ")")
                        .createOrReplaceTempView(SOURCE);
                return 0;
            }
            case JSON_ARRAY -> {
                session.read().option("wholetext", "true").text(path).createOrReplaceTempView(LINES);
                session.sql("SELECT CAST(coalesce(pos, 0) AS BIGINT) AS ord, pos IS NULL AS blank, "
                        + "arr IS NULL AS malformed, "
                        + "col AS j, CAST(NULL AS STRING) AS bad_text, CAST(NULL AS STRING) AS pre_reason, "
                        + "try_parse_json(col) AS v "
                        + "FROM (SELECT from_json(value, 'array<string>') AS arr FROM " + LINES + ") "
                        + "LATERAL VIEW OUTER posexplode(arr) e AS pos, col")
                        .createOrReplaceTempView(SOURCE);
                return 0;
            }
            case CSV -> {
                csv(session, path).createOrReplaceTempView(LINES);
                session.sql("SELECT *, try_parse_json(j) AS v FROM (SELECT ord, false AS blank, false AS malformed, "
                        + "CASE WHEN " + CORRUPT + " IS NULL THEN " + csvJson(session) + " END AS j, "
                        + CORRUPT + " AS bad_text, CASE WHEN " + CORRUPT + " IS NOT NULL THEN "
                        + SparkDialect.INSTANCE.literal("malformed CSV row: its number of fields differs from the "
                                + "header's") + " END AS pre_reason FROM " + LINES + ")")
                        .createOrReplaceTempView(SOURCE);
                return 1;
            }
            default -> throw new IllegalArgumentException("format " + format);
        }
    }

    /** Every column as text, with the raw text of rows whose field count is not the header's. */
    private static Dataset<Row> csv(SparkSession session, String path) {
        StructType header = session.read().option("header", "true").option("multiLine", "true").csv(path).schema();
        List<StructField> fields = new ArrayList<>();
        for (StructField field : header.fields()) {
            fields.add(DataTypes.createStructField(field.name(), DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
        return session.read()
                .option("header", "true")
                .option("multiLine", "true")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .schema(DataTypes.createStructType(fields))
                .csv(path)
                .withColumn("ord", monotonically_increasing_id());
    }

    /** {@code to_json} of the row's header columns, keeping empty fields as JSON nulls as the other engines do. */
    private static String csvJson(SparkSession session) {
        StringBuilder struct = new StringBuilder("named_struct(");
        String[] columns = session.table(LINES).columns();
        for (String column : columns) {
            if (column.equals(CORRUPT) || column.equals("ord")) {
                continue;
            }
            String name = column.replace("`", "``");
            struct.append(struct.length() > "named_struct(".length() ? ", " : "")
                    .append(SparkDialect.INSTANCE.literal(column)).append(", `").append(name)
                    .append('`');
        }
        return "to_json(" + struct + "), map('ignoreNullFields', 'false'))";
    }

    /** Spark treats a path as a Hadoop glob; a raw file's name is matched literally. */
    private static String globEscaped(Path file) {
        String path = file.toAbsolutePath().toString();
        StringBuilder escaped = new StringBuilder();
        for (char c : path.toCharArray()) {
            if ("\\{}[]*?".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
