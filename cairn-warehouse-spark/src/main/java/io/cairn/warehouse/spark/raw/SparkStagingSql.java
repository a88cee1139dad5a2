package io.cairn.warehouse.spark.raw;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.StreamContract;
import io.cairn.warehouse.spark.SparkDialect;

/**
 * Builds the Spark SQL that classifies the rows of {@link RawFileReader#SOURCE} as the other engines do: the record's
 * JSON, md5 hash, id, change time, tombstone flag, landing warnings, and the reason it must be dead-lettered, if any.
 * Every contract field is read from the record parsed once into a {@code VARIANT} ({@code v}).
 */
final class SparkStagingSql {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .sorted()
            .map(code -> "'" + code + "'")
            .collect(Collectors.joining(", ", "array(", ")"));

    private final SparkDialect dialect = SparkDialect.INSTANCE;

    /**
     * The classified rows of {@link RawFileReader#SOURCE}: {@code ord, blank, malformed, j, h, bad_text, rid, upd,
     * deleted, errs, dead_reason}.
     */
    String classify(StreamContract contract) {
        List<String> fields = fields(contract);
        StringBuilder extracted = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            extracted.append(", try_variant_get(v, ").append(dialect.literal(variantPath(fields.get(i))))
                    .append(", 'string') AS f").append(i + 1);
        }
        return "SELECT ord, blank, malformed, j, md5(j) AS h, bad_text, rid, try_cast(upd_text AS TIMESTAMP) AS upd, "
                + deletedExpression(contract) + " AS deleted, " + warnings(contract) + " AS errs, "
                + "CASE WHEN blank THEN NULL WHEN pre_reason IS NOT NULL THEN pre_reason "
                + "WHEN j IS NULL OR NOT startswith(j, '{') THEN 'not a JSON object' "
                + "WHEN rid IS NULL THEN " + dialect.literal("missing id: no value in " + describeIds(contract))
                + " END AS dead_reason\n"
                + "FROM (SELECT *, " + idExpression(contract) + " AS rid, " + updatedAtText(contract) + " AS upd_text "
                + "FROM (SELECT *" + extracted + " FROM " + RawFileReader.SOURCE + "))";
    }

    /** The contract's fields in extraction order: ids, change time, tombstone, currencies. */
    private static List<String> fields(StreamContract contract) {
        List<String> fields = new ArrayList<>(contract.idFields());
        fields.add(contract.updatedAtField() == null ? "_cairn_no_updated_at" : contract.updatedAtField());
        fields.add(contract.deletedField() == null ? "_cairn_no_deleted" : contract.deletedField());
        fields.addAll(contract.currencyFields());
        return fields;
    }

    /** {@code $.a.b}, with {@code ['key']} for keys that are not plain names. */
    private static String variantPath(String dottedField) {
        StringBuilder path = new StringBuilder("$");
        for (String part : dottedField.split("\\.")) {
            if (PLAIN_KEY.matcher(part).matches()) {
                path.append('.').append(part);
            }
            else if (part.indexOf('\'') < 0 && part.indexOf('\\') < 0) {
                path.append("['").append(part).append("']");
            }
            else {
                throw new CairnException(ErrorCode.CONFIG, "Cannot read field '%s' on Spark: a quote or backslash in "
                        + "a field name is not supported", dottedField);
            }
        }
        return path.toString();
    }

    private static String idExpression(StreamContract contract) {
        int count = contract.idFields().size();
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            parts.add("f" + i);
            missing.add("coalesce(f" + i + ", '') = ''");
        }
        return "CASE WHEN v IS NULL OR " + String.join(" OR ", missing) + " THEN NULL ELSE "
                + (count == 1 ? parts.get(0) : "concat_ws(':', " + String.join(", ", parts) + ")") + " END";
    }

    private static String updatedAtText(StreamContract contract) {
        return contract.updatedAtField() == null ? "CAST(NULL AS STRING)" : "f" + (contract.idFields().size() + 1);
    }

    private String deletedExpression(StreamContract contract) {
        if (contract.deletedField() == null || contract.deletedValues().isEmpty()) {
            return "false";
        }
        String values = contract.deletedValues().stream()
                .map(value -> dialect.literal(value.toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining(", "));
        return "coalesce(lower(f" + (contract.idFields().size() + 2) + ") IN (" + values + "), false)";
    }

    private String warnings(StreamContract contract) {
        List<String> checks = new ArrayList<>();
        if (contract.updatedAtField() != null) {
            String field = dialect.literal(contract.updatedAtField());
            checks.add("CASE WHEN upd_text IS NULL THEN 'missing change time ' || " + field
                    + " WHEN try_cast(upd_text AS TIMESTAMP) IS NULL THEN 'unparseable change time ' || " + field
                    + " || ': ' || upd_text END");
        }
        int index = contract.idFields().size() + 3;
        for (String currencyField : contract.currencyFields()) {
            String value = "f" + index++;
            checks.add("CASE WHEN " + value + " IS NOT NULL AND NOT array_contains(" + ISO_CURRENCIES + ", "
                    + value + ") THEN " + dialect.literal("unknown currency code '") + " || " + value + " || "
                    + dialect.literal("' in " + currencyField) + " END");
        }
        if (checks.isEmpty()) {
            return "CAST(array() AS ARRAY<STRING>)";
        }
        return "filter(array(" + String.join(", ", checks) + "), x -> x IS NOT NULL)";
    }

    private static String describeIds(StreamContract contract) {
        return String.join(" + ", contract.idFields());
    }
}
