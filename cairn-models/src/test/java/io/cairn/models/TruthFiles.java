package io.cairn.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the generator's ground truth and renders truth rows and mart rows the same way, for exact comparison. */
final class TruthFiles {
    private TruthFiles() {}

    static JsonNode read(Path truthDir, String tenant) {
        try {
            return new ObjectMapper().readTree(truthDir.resolve(tenant + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** date|source_system|currency|orders|units|gross|discounts|taxes|refunds|net, amounts as plain decimals. */
    static List<String> salesByDay(JsonNode truth) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : truth.path("sales_by_day")) {
            rows.add(String.join("|", r.path("date").asText(), r.path("source_system").asText(),
                    r.path("currency").asText(), r.path("orders").asText(), r.path("units").asText(),
                    money(r.path("gross").asText()), money(r.path("discounts").asText()),
                    money(r.path("taxes").asText()), money(r.path("refunds").asText()),
                    money(r.path("net").asText())));
        }
        return rows;
    }

    /** month|account|amount. */
    static List<String> expensesByMonth(JsonNode truth) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : truth.path("expenses_by_month")) {
            rows.add(String.join("|", r.path("month").asText(), r.path("account").asText(),
                    money(r.path("amount").asText())));
        }
        return rows;
    }

    /** A decimal at scale 2, so that "12.5" and "12.50" compare equal only when they are the same number. */
    static String money(Object value) {
        BigDecimal decimal = value instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(value));
        return decimal.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    static List<String> martSales(ModelsFixture fixture, String tenant) {
        return martSales(fixture, tenant, "marts");
    }

    /** The same from the marts of a layout ({@code marts}, or {@code <tenant>_marts} for a dedicated tenant). */
    static List<String> martSales(ModelsFixture fixture, String tenant, String martsSchema) {
        List<String> rows = new ArrayList<>();
        for (List<Object> r : fixture.rows("SELECT cast(sales_date AS VARCHAR), source_system, currency, orders, units, "
                + "gross, discounts, taxes, refunds, net FROM " + martsSchema + ".fct_sales_by_day WHERE tenant_id = '" + tenant
                + "' ORDER BY 1, 2, 3")) {
            rows.add(String.join("|", String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(2)),
                    String.valueOf(r.get(3)), String.valueOf(r.get(4)), money(r.get(5)), money(r.get(6)),
                    money(r.get(7)), money(r.get(8)), money(r.get(9))));
        }
        return rows;
    }

    static List<String> martExpenses(ModelsFixture fixture, String tenant) {
        return martExpenses(fixture, tenant, "marts");
    }

    static List<String> martExpenses(ModelsFixture fixture, String tenant, String martsSchema) {
        List<String> rows = new ArrayList<>();
        for (List<Object> r : fixture.rows("SELECT month, account_name, amount FROM " + martsSchema
                + ".fct_expenses_by_month "
                + "WHERE tenant_id = '" + tenant + "' ORDER BY 1, 2")) {
            rows.add(String.join("|", String.valueOf(r.get(0)), String.valueOf(r.get(1)), money(r.get(2))));
        }
        return rows;
    }
}
