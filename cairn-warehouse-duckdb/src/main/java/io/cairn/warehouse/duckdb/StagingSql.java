package io.cairn.warehouse.duckdb;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.StreamContract;

/**
 * Builds the SQL that reads one raw file with DuckDB's own readers and classifies every record: its JSON (as
 * received, trimmed), id, change time, tombstone flag, landing warnings, and the reason it must be dead-lettered,
 * if any. The main pass runs in parallel and carries no line numbers (landed rows need none); only when a file has
 * dead letters does a second, order-preserving pass number the lines to say where each bad one is.
 */
final class StagingSql {
    static final String STAGE = "cairn_stage";
    static final String REJECTS = "cairn_csv_rejects";
    static final String REJECT_SCAN = "cairn_csv_reject_scan";
    /** Longest accepted line; DuckDB's default (2 MB) is too short for orders with many line items. */
    private static final long MAX_LINE_BYTES = 64L * 1024 * 1024;
    private static final String WHITESPACE = "' ' || chr(9) || chr(13)";
    private static final String ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .sorted()
            .map(code -> "'" + code + "'")
            .collect(Collectors.joining(",", "[", "]"));

    private final DuckDbDialect dialect = DuckDbDialect.INSTANCE;

    /** {@code CREATE TEMP TABLE cairn_stage AS ...}, the parallel main pass; the file path is parameter 1. */
    String createStage(FileFormat format, StreamContract contract) {
        return "CREATE OR REPLACE TEMP TABLE " + STAGE + " AS\n"
                + "SELECT j, md5(j) AS h, rid, upd, deleted, errs, dead_reason FROM (\n"
                + classify(format, contract, false) + ")";
    }

    /**
     * The dead letters of a file with their line numbers (element numbers for JSON arrays), from a second,
     * order-preserving pass; the file path is parameter 1. Columns: {@code line_no, text, dead_reason}.
     */
    String deadLetters(FileFormat format, StreamContract contract) {
        String classified = classify(format, contract, true);
        String rows = "SELECT line_no, coalesce(bad_text, j) AS text, dead_reason FROM (" + classified
                + ") WHERE dead_reason IS NOT NULL";
        if (format != FileFormat.CSV) {
            return rows;
        }
        return "SELECT line_no + (SELECT count(*) FROM (SELECT line - row_number() OVER (ORDER BY line) - 1 AS "
                + "good_before FROM (SELECT DISTINCT line FROM " + REJECTS + ")) r WHERE r.good_before < d.line_no - 1)"
                + " AS line_no, text, dead_reason FROM (" + rows + ") d\n"
                + "UNION ALL SELECT line, any_value(csv_line), 'malformed CSV row: ' || string_agg(error_message, '; ') "
                + "FROM " + REJECTS + " GROUP BY line";
    }

    /** Checks that a JSON-array file is one well-formed JSON array; DuckDB's reader accepts a truncated one. */
    String checkJsonArray() {
        return "SELECT json_valid(content) AND starts_with(ltrim(content), '[') FROM read_text(?)";
    }

    /** The number of CSV rows DuckDB's reader rejected in the main pass. */
    String countCsvRejects() {
        return "SELECT count(DISTINCT line) FROM " + REJECTS;
    }

    private String classify(FileFormat format, StreamContract contract, boolean numbered) {
        return "WITH src AS (" + source(format, numbered) + "),\n"
                + "fields AS (SELECT *, CASE WHEN j IS NOT NULL AND starts_with(j, '{') THEN json_extract_string(j, "
                + paths(contract) + ") END AS f FROM src),\n"
                + "typed AS (SELECT line_no, bad_text, j, pre_reason, f, " + idExpression(contract) + " AS rid, "
                + updatedAtText(contract) + " AS upd_text FROM fields)\n"
                + "SELECT line_no, bad_text, j, rid, try_cast(upd_text AS TIMESTAMPTZ) AS upd, "
                + deletedExpression(contract) + " AS deleted, "
                + warnings(contract) + " AS errs, "
                + "CASE WHEN pre_reason IS NOT NULL THEN pre_reason "
                + "WHEN NOT starts_with(j, '{') THEN 'not a JSON object' "
                + "WHEN rid IS NULL THEN " + dialect.literal("missing id: no value in " + describeIds(contract))
                + " END AS dead_reason\n"
                + "FROM typed";
    }

    private String source(FileFormat format, boolean numbered) {
        String lineNo = numbered ? "row_number() OVER ()" : "NULL::BIGINT";
        return switch (format) {
            case JSONL -> "SELECT line_no, CASE WHEN NOT ok THEN line END AS bad_text, "
                    + "CASE WHEN ok THEN (CASE WHEN starts_with(line, '{') AND ends_with(line, '}') THEN line "
                    + "ELSE trim(line, " + WHITESPACE + ") END) END AS j, "
                    + "CASE WHEN NOT ok THEN 'malformed JSON: the line does not parse' END AS pre_reason "
                    + "FROM (SELECT line_no, line, json_valid(line) AS ok FROM ("
                    + "SELECT " + lineNo + " AS line_no, line FROM read_csv(?, columns = {'line': 'VARCHAR'}, "
                    + "delim = chr(31), quote = '', escape = '', header = false, auto_detect = false, "
                    + "max_line_size = " + MAX_LINE_BYTES + ", hive_partitioning = false)) WHERE line IS NOT NULL) "
                    + "WHERE ok OR trim(line, " + WHITESPACE + ") <> ''";
            case JSON_ARRAY -> "SELECT " + lineNo + " AS line_no, NULL::VARCHAR AS bad_text, "
                    + "json(json)::VARCHAR AS j, NULL::VARCHAR AS pre_reason "
                    + "FROM read_json_objects(?, format = 'array', maximum_object_size = " + MAX_LINE_BYTES
                    + ", hive_partitioning = false)";
            case CSV -> "SELECT " + (numbered ? lineNo + " + 1" : lineNo) + " AS line_no, NULL::VARCHAR AS bad_text, "
                    + "to_json(t)::VARCHAR AS j, NULL::VARCHAR AS pre_reason "
                    + "FROM read_csv(?, header = true, all_varchar = true, "
                    + (numbered ? "ignore_errors = true, " : "store_rejects = true, rejects_table = '" + REJECTS
                            + "', rejects_scan = '" + REJECT_SCAN + "', ")
                    + "max_line_size = " + MAX_LINE_BYTES + ", hive_partitioning = false) t";
        };
    }

    /** All fields the contract reads, extracted in one JSON parse: ids, change time, tombstone, currencies. */
    private String paths(StreamContract contract) {
        List<String> fields = new ArrayList<>(contract.idFields());
        fields.add(contract.updatedAtField() == null ? "_cairn_no_updated_at" : contract.updatedAtField());
        fields.add(contract.deletedField() == null ? "_cairn_no_deleted" : contract.deletedField());
        fields.addAll(contract.currencyFields());
        return fields.stream()
                .map(field -> dialect.literal(dialect.jsonPath(field)))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private String idExpression(StreamContract contract) {
        int count = contract.idFields().size();
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            parts.add("f[" + i + "]");
            missing.add("coalesce(f[" + i + "], '') = ''");
        }
        return "CASE WHEN f IS NULL OR " + String.join(" OR ", missing) + " THEN NULL ELSE "
                + (count == 1 ? parts.get(0) : "concat_ws(':', " + String.join(", ", parts) + ")") + " END";
    }

    private String updatedAtText(StreamContract contract) {
        return contract.updatedAtField() == null ? "NULL::VARCHAR" : "f[" + (contract.idFields().size() + 1) + "]";
    }

    private String deletedExpression(StreamContract contract) {
        if (contract.deletedField() == null || contract.deletedValues().isEmpty()) {
            return "false";
        }
        String values = contract.deletedValues().stream()
                .map(value -> dialect.literal(value.toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining(", "));
        return "coalesce(lower(f[" + (contract.idFields().size() + 2) + "]) IN (" + values + "), false)";
    }

    private String warnings(StreamContract contract) {
        List<String> checks = new ArrayList<>();
        if (contract.updatedAtField() != null) {
            String field = dialect.literal(contract.updatedAtField());
            checks.add("CASE WHEN upd_text IS NULL THEN 'missing change time ' || " + field
                    + " WHEN try_cast(upd_text AS TIMESTAMPTZ) IS NULL THEN 'unparseable change time ' || " + field
                    + " || ': ' || upd_text END");
        }
        int index = contract.idFields().size() + 3;
        for (String currencyField : contract.currencyFields()) {
            String value = "f[" + index++ + "]";
            checks.add("CASE WHEN " + value + " IS NOT NULL AND NOT list_contains(" + ISO_CURRENCIES + ", "
                    + value + ") THEN 'unknown currency code ''' || " + value + " || ''' in "
                    + currencyField.replace("'", "''") + "' END");
        }
        if (checks.isEmpty()) {
            return "[]::VARCHAR[]";
        }
        return "[x FOR x IN [" + String.join(", ", checks) + "] IF x IS NOT NULL]";
    }

    private static String describeIds(StreamContract contract) {
        return String.join(" + ", contract.idFields());
    }
}
