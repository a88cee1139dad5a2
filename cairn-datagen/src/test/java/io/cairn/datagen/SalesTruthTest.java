package io.cairn.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.datagen.TestHelper.Parsed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cairn.datagen.TestData.OPTIONS;
import static io.cairn.datagen.TestData.streamDir;
import static io.cairn.datagen.TestData.truth;
import static org.assertj.core.api.Assertions.assertThat;

/** Recomputes sales of one day from the final versions found in the files and compares with the truth file. */
class SalesTruthTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void shopifySalesOfOneDayEqualTheTruthRow() {
        LocalDate day = OPTIONS.startDate().plusDays(9);
        Map<String, JsonNode> finals = finalVersions(streamDir("acme", "shopify/orders"), "id", "updated_at");
        long orders = 0;
        long units = 0;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        BigDecimal taxes = BigDecimal.ZERO;
        for (JsonNode o : finals.values()) {
            if (!o.get("cancelled_at").isNull() || !localDate(o.get("created_at")).equals(day)
                    || !o.get("currency").asText().equals("USD")) {
                continue;
            }
            orders++;
            for (JsonNode line : o.get("line_items")) {
                units += line.get("quantity").asLong();
                gross = gross.add(new BigDecimal(line.get("price").asText())
                        .multiply(BigDecimal.valueOf(line.get("quantity").asLong())));
            }
            discounts = discounts.add(new BigDecimal(o.get("total_discounts").asText()));
            taxes = taxes.add(new BigDecimal(o.get("total_tax").asText()));
        }
        BigDecimal refunds = refundsOn(day);
        JsonNode row = row(truth("acme"), day, "shopify", "USD");
        assertThat(row.get("orders").asLong()).isEqualTo(orders);
        assertThat(row.get("units").asLong()).isEqualTo(units);
        assertThat(new BigDecimal(row.get("gross").asText())).isEqualByComparingTo(gross);
        assertThat(new BigDecimal(row.get("discounts").asText())).isEqualByComparingTo(discounts);
        assertThat(new BigDecimal(row.get("taxes").asText())).isEqualByComparingTo(taxes);
        assertThat(new BigDecimal(row.get("refunds").asText())).isEqualByComparingTo(refunds);
        assertThat(refunds).as("the chosen day has refunds").isPositive();
        assertThat(new BigDecimal(row.get("net").asText()))
                .isEqualByComparingTo(gross.subtract(discounts).subtract(refunds));
    }

    @Test
    void ecommerceSalesUseTheTenantsLocalDateOfUtcTimestamps() {
        LocalDate day = OPTIONS.startDate().plusDays(4);
        Map<String, JsonNode> finals = finalVersions(streamDir("acme", "ecommerce/orders"), "order_id", "updated_at");
        long orders = 0;
        BigDecimal gross = BigDecimal.ZERO;
        for (JsonNode o : finals.values()) {
            if (o.get("status").asText().equals("cancelled") || !localDate(o.get("created_at")).equals(day)
                    || !o.get("currency").asText().equals("USD")) {
                continue;
            }
            orders++;
            for (JsonNode item : o.get("items")) {
                gross = gross.add(item.get("unit_price").decimalValue()
                        .multiply(BigDecimal.valueOf(item.get("quantity").asLong())));
            }
        }
        JsonNode row = row(truth("acme"), day, "ecommerce", "USD");
        assertThat(row.get("orders").asLong()).isEqualTo(orders);
        assertThat(new BigDecimal(row.get("gross").asText())).isEqualByComparingTo(gross);
    }

    @Test
    void expensesOfAMonthEqualTheFinalPurchaseLines() {
        Map<String, JsonNode> finals = finalVersions(streamDir("acme", "quickbooks/purchases"), "Id",
                "MetaData.LastUpdatedTime");
        Map<String, BigDecimal> byAccount = new HashMap<>();
        for (JsonNode p : finals.values()) {
            for (JsonNode line : p.get("Line")) {
                byAccount.merge(line.at("/AccountBasedExpenseLineDetail/AccountRef/name").asText(),
                        line.get("Amount").decimalValue(), BigDecimal::add);
            }
        }
        JsonNode rows = truth("acme").get("expenses_by_month");
        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            assertThat(row.get("month").asText()).isEqualTo("2024-03");
            assertThat(new BigDecimal(row.get("amount").asText()))
                    .isEqualByComparingTo(byAccount.get(row.get("account").asText()));
        }
    }

    private BigDecimal refundsOn(LocalDate day) {
        BigDecimal total = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (Parsed p : TestHelper.read(streamDir("acme", "shopify/refunds"), List.of("id"))) {
            JsonNode r = (JsonNode) p.content();
            if (p.dead() || !seen.add(p.id()) || !localDate(r.get("created_at")).equals(day)
                    || !r.at("/transactions/0/currency").asText().equals("USD")) {
                continue;
            }
            for (JsonNode item : r.get("refund_line_items")) {
                total = total.add(item.get("subtotal").decimalValue());
            }
        }
        return total;
    }

    /** The version with the latest change time per id, among well-formed records that have an id. */
    static Map<String, JsonNode> finalVersions(java.nio.file.Path dir, String idField, String changeField) {
        Map<String, JsonNode> finals = new HashMap<>();
        for (Parsed p : TestHelper.read(dir, List.of(idField))) {
            if (p.dead()) {
                continue;
            }
            JsonNode record = (JsonNode) p.content();
            finals.merge(p.id(), record, (a, b) -> instant(b, changeField).isAfter(instant(a, changeField)) ? b : a);
        }
        return finals;
    }

    private static OffsetDateTime instant(JsonNode record, String dotted) {
        return OffsetDateTime.parse(record.at("/" + dotted.replace('.', '/')).asText());
    }

    private static LocalDate localDate(JsonNode timestamp) {
        return OffsetDateTime.parse(timestamp.asText()).atZoneSameInstant(NEW_YORK).toLocalDate();
    }

    private static JsonNode row(JsonNode truth, LocalDate day, String source, String currency) {
        for (JsonNode row : truth.get("sales_by_day")) {
            if (row.get("date").asText().equals(day.toString()) && row.get("source_system").asText().equals(source)
                    && row.get("currency").asText().equals(currency)) {
                return row;
            }
        }
        throw new AssertionError("no sales row for " + day + " " + source + " " + currency);
    }
}
