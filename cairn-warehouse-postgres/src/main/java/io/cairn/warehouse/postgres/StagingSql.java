package io.cairn.warehouse.postgres;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.StreamContract;

/**
 * Builds the SQL that classifies the copied rows of one raw file: its JSON (text as received, trimmed, and as
 * {@code jsonb}), id, change time, tombstone flag, landing warnings, and the reason it must be dead-lettered, if
 * any. The rules and messages are the DuckDB warehouse's. There are two variants: the fast one casts directly and
 * fails on the first record that does not parse; the safe one goes through {@code raw._try_*} functions, whose
 * exception blocks cost a subtransaction per call, and is used only when the fast one has failed.
 */
final class StagingSql {
    static final String FEED = "cairn_feed";
    static final String STAGE = "cairn_stage";
    private static final String HEADER_PARAMETER = "?::text[]";
    private static final String BLANKS = "E' \\t\\r'";
    /** ISO-8601 dates and timestamps, as DuckDB's timestamptz cast reads them; anything else is unparseable. */
    private static final String ISO_TIMESTAMP =
            "'^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)? ?(Z|z|[+-]\\d{2}(:?\\d{2})?)?$'";
    private static final String ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .sorted()
            .collect(Collectors.joining(",", "'{", "}'::text[]"));

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    /**
     * The temporary table the file is copied into, dropped at commit. Its long columns are stored uncompressed
     * ({@code STORAGE EXTERNAL}): they are read once, so compressing them would only cost time.
     */
    List<String> createFeed(RawFeed feed) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TEMP TABLE " + FEED + " (" + feed.columns() + ") ON COMMIT DROP");
        for (String column : feed.wideColumns()) {
            statements.add("ALTER TABLE " + FEED + " ALTER COLUMN " + column + " SET STORAGE EXTERNAL");
        }
        return statements;
    }

    String copyFeed() {
        return "COPY " + FEED + " FROM STDIN";
    }

    /**
     * {@code CREATE TEMP TABLE cairn_stage}: one row per record with {@code line_no, h, j, rid, upd, deleted, errs,
     * dead_reason, dead_text}, as three statements: create it empty, store its payloads uncompressed (they are
     * compressed once, in the raw table), fill it. For CSV, parameter 1 of the last is the header ({@code text[]}).
     */
    List<String> createStage(FileFormat format, StreamContract contract, boolean safe) {
        String select = "SELECT line_no, md5(t) AS h, j, rid, upd, deleted, errs, dead_reason, "
                + "CASE WHEN dead_reason IS NULL THEN NULL WHEN j IS NULL THEN coalesce(bad_text, t, '') ELSE t END "
                + "AS dead_text FROM (\n"
                + classify(format, contract, safe) + ") c";
        return List.of("CREATE TEMP TABLE " + STAGE + " ON COMMIT DROP AS "
                        + select.replace(HEADER_PARAMETER, "'{}'::text[]") + " WITH NO DATA",
                "ALTER TABLE " + STAGE + " ALTER COLUMN j SET STORAGE EXTERNAL",
                "INSERT INTO " + STAGE + " " + select);
    }

    private String classify(FileFormat format, StreamContract contract, boolean safe) {
        String parsed = "SELECT *, " + (safe ? RawTables.TRY_JSONB + "(t)" : "t::jsonb") + " AS j FROM ("
                + source(format) + ") s OFFSET 0";
        String fields = "SELECT *, " + extracts(contract) + " FROM (" + parsed + ") p OFFSET 0";
        String typed = "SELECT *, " + idExpression(contract) + " AS rid, " + updatedAt(contract, safe)
                + " AS upd FROM (" + fields + ") f OFFSET 0";
        return "SELECT line_no, bad_text, t, j, rid, upd, " + deletedExpression(contract) + " AS deleted, "
                + warnings(contract) + " AS errs, "
                + "CASE WHEN pre_reason IS NOT NULL THEN pre_reason "
                + "WHEN j IS NULL THEN 'malformed JSON: the line does not parse' "
                + "WHEN jsonb_typeof(j) <> 'object' THEN 'not a JSON object' "
                + "WHEN rid IS NULL THEN " + dialect.literal("missing id: no value in " + describeIds(contract))
                + " END AS dead_reason FROM (" + typed + ") y";
    }

    /**
     * Columns {@code line_no}, {@code bad_text} (the record as it was in the file, kept for a dead letter that does
     * not parse), {@code t} (the JSON text) and {@code pre_reason} (why the feed already refused it).
     */
    private static String source(FileFormat format) {
        return switch (format) {
            case JSONL -> "SELECT line_no, line AS bad_text, CASE WHEN left(line, 1) = '{' AND right(line, 1) = '}' "
                    + "THEN line ELSE btrim(line, " + BLANKS + ") END AS t, NULL::text AS pre_reason FROM " + FEED;
            case JSON_ARRAY -> "SELECT line_no, NULL::text AS bad_text, line AS t, NULL::text AS pre_reason FROM "
                    + FEED;
            case CSV -> "SELECT line_no, raw_text AS bad_text, CASE WHEN reason IS NULL THEN (SELECT '{' || "
                    + "string_agg(to_json(k)::text || ':' || coalesce(to_json(v)::text, 'null'), ',' ORDER BY n) "
                    + "|| '}' FROM unnest(" + HEADER_PARAMETER + ", fields) WITH ORDINALITY AS u(k, v, n)) END AS t, "
                    + "CASE WHEN reason IS NOT NULL THEN 'malformed CSV row: ' || reason END AS pre_reason FROM "
                    + FEED;
        };
    }

    /** Every field the contract reads, as text: {@code f1..fn} ids, {@code f_upd}, {@code f_del}, {@code c1..}. */
    private String extracts(StreamContract contract) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < contract.idFields().size(); i++) {
            columns.add(extract(contract.idFields().get(i)) + " AS f" + (i + 1));
        }
        columns.add((contract.updatedAtField() == null ? "NULL::text" : extract(contract.updatedAtField()))
                + " AS f_upd");
        columns.add((contract.deletedField() == null ? "NULL::text" : extract(contract.deletedField())) + " AS f_del");
        for (int i = 0; i < contract.currencyFields().size(); i++) {
            columns.add(extract(contract.currencyFields().get(i)) + " AS c" + (i + 1));
        }
        return String.join(", ", columns);
    }

    private String extract(String dottedField) {
        return "CASE WHEN jsonb_typeof(j) = 'object' THEN j #>> " + dialect.jsonPath(dottedField) + " END";
    }

    private static String idExpression(StreamContract contract) {
        int count = contract.idFields().size();
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            parts.add("f" + i);
            missing.add("coalesce(f" + i + ", '') = ''");
        }
        return "CASE WHEN " + String.join(" OR ", missing) + " THEN NULL ELSE "
                + (count == 1 ? parts.get(0) : "concat_ws(':', " + String.join(", ", parts) + ")") + " END";
    }

    private static String updatedAt(StreamContract contract, boolean safe) {
        if (contract.updatedAtField() == null) {
            return "NULL::timestamptz";
        }
        return "CASE WHEN f_upd ~ " + ISO_TIMESTAMP + " THEN "
                + (safe ? RawTables.TRY_TIMESTAMPTZ + "(f_upd)" : "f_upd::timestamptz") + " END";
    }

    private String deletedExpression(StreamContract contract) {
        if (contract.deletedField() == null || contract.deletedValues().isEmpty()) {
            return "false";
        }
        String values = contract.deletedValues().stream()
                .map(value -> dialect.literal(value.toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining(", "));
        return "coalesce(lower(f_del) IN (" + values + "), false)";
    }

    private String warnings(StreamContract contract) {
        List<String> checks = new ArrayList<>();
        if (contract.updatedAtField() != null) {
            String field = dialect.literal(contract.updatedAtField());
            checks.add("CASE WHEN f_upd IS NULL THEN 'missing change time ' || " + field
                    + " WHEN upd IS NULL THEN 'unparseable change time ' || " + field + " || ': ' || f_upd END");
        }
        for (int i = 0; i < contract.currencyFields().size(); i++) {
            String value = "c" + (i + 1);
            checks.add("CASE WHEN " + value + " IS NOT NULL AND " + value + " <> ALL (" + ISO_CURRENCIES
                    + ") THEN 'unknown currency code ''' || " + value + " || ''' in "
                    + contract.currencyFields().get(i).replace("'", "''") + "' END");
        }
        if (checks.isEmpty()) {
            return "'{}'::text[]";
        }
        return "array_remove(ARRAY[" + String.join(", ", checks) + "]::text[], NULL)";
    }

    private static String describeIds(StreamContract contract) {
        return String.join(" + ", contract.idFields());
    }
}
