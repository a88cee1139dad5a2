package io.cairn.models;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tenants whose sources use the very same record ids: every mart row of a tenant comes from that tenant's raw
 * rows only, and each tenant's dates follow its own time zone.
 */
class TenantIsolationTest {
    private static final List<String> ABSENT = List.of("shopify__customers", "shopify__products",
            "shopify__inventory_levels", "quickbooks__invoices", "quickbooks__payments", "quickbooks__accounts",
            "quickbooks__customers", "quickbooks__items", "quickbooks__sales_receipts", "pos__transactions",
            "ecommerce__orders", "crm__customers", "inventory__snapshots");

    @Test
    void identicalIdsInTwoTenantsNeverMix(@TempDir Path dir) {
        try (ModelsFixture fixture = new ModelsFixture(dir)) {
            fixture.registerTenant("alpha", "UTC", "USD");
            fixture.registerTenant("beta", "Europe/Berlin", "EUR");
            // Same order ids 1001/1002, same refund id 5, same purchase Id 77; different amounts and currencies.
            fixture.drop("alpha", "shopify", "orders", "o.jsonl", order(1001, "USD", "10.00", 2, "1.40")
                    + order(1002, "USD", "5.50", 1, "0.00"));
            fixture.drop("beta", "shopify", "orders", "o.jsonl", order(1001, "EUR", "99.00", 1, "18.81")
                    + order(1002, "EUR", "1.00", 3, "0.57"));
            fixture.drop("alpha", "shopify", "refunds", "r.jsonl", refund(5, 1001, "USD", "10.00"));
            fixture.drop("beta", "shopify", "refunds", "r.jsonl", refund(5, 1001, "EUR", "99.00"));
            fixture.drop("alpha", "quickbooks", "purchases", "p.jsonl", purchase("USD", "120.00"));
            fixture.drop("beta", "quickbooks", "purchases", "p.jsonl", purchase("EUR", "7.25"));
            fixture.land(List.of(fixture.addFileSource("alpha", "shopify"), fixture.addFileSource("alpha",
                    "quickbooks"), fixture.addFileSource("beta", "shopify"), fixture.addFileSource("beta",
                    "quickbooks")));

            IncrementalBuildTest.assertSucceeded(fixture.build(false, Map.of("cairn_absent_streams", ABSENT)));

            // 2024-03-01T23:30Z is still March 1st in UTC but March 2nd in Berlin.
            assertThat(sales(fixture, "alpha")).containsExactly(
                    "2024-03-01|shopify|USD|2|3|25.50|0.00|0.00|25.50",
                    "2024-03-05|shopify|USD|0|0|0.00|0.00|10.00|-10.00");
            assertThat(sales(fixture, "beta")).containsExactly(
                    "2024-03-02|shopify|EUR|2|4|102.00|0.00|0.00|102.00",
                    "2024-03-05|shopify|EUR|0|0|0.00|0.00|99.00|-99.00");
            assertThat(fixture.rows("SELECT tenant_id, month, account_name, amount FROM marts.fct_expenses_by_month "
                    + "ORDER BY 1")).containsExactly(
                    List.of("alpha", "2024-03", "Office Supplies", new BigDecimal("120.00")),
                    List.of("beta", "2024-03", "Office Supplies", new BigDecimal("7.25")));
            for (String relation : List.of("intermediate.int_orders", "intermediate.int_order_lines",
                    "intermediate.int_refunds", "intermediate.int_finance_transactions")) {
                assertThat(fixture.rows("SELECT count(*) FROM " + relation + " WHERE tenant_id IS NULL"))
                        .as("rows without tenant in %s", relation).containsExactly(List.of(0L));
            }
        }
    }

    private static List<String> sales(ModelsFixture fixture, String tenant) {
        return fixture.rows("SELECT cast(sales_date AS VARCHAR), source_system, currency, orders, units, gross, "
                + "discounts, taxes, refunds, net FROM marts.fct_sales_by_day WHERE tenant_id = '" + tenant
                + "' ORDER BY 1").stream().map(r -> String.join("|", String.valueOf(r.get(0)),
                String.valueOf(r.get(1)), String.valueOf(r.get(2)), String.valueOf(r.get(3)),
                String.valueOf(r.get(4)), TruthFiles.money(r.get(5)), TruthFiles.money(r.get(6)),
                TruthFiles.money(r.get(8)), TruthFiles.money(r.get(9)))).toList();
    }

    private static String order(long id, String currency, String price, int quantity, String tax) {
        return "{\"id\":" + id + ",\"created_at\":\"2024-03-01T23:30:00Z\",\"updated_at\":\"2024-03-01T23:30:00Z\","
                + "\"cancelled_at\":null,\"currency\":\"" + currency + "\",\"total_discounts\":\"0.00\","
                + "\"total_tax\":\"" + tax + "\",\"line_items\":[{\"id\":" + (id * 10) + ",\"sku\":\"SKU-1\","
                + "\"quantity\":" + quantity + ",\"price\":\"" + price + "\"}]}\n";
    }

    private static String refund(long id, long orderId, String currency, String subtotal) {
        return "{\"id\":" + id + ",\"order_id\":" + orderId + ",\"created_at\":\"2024-03-05T10:00:00Z\","
                + "\"refund_line_items\":[{\"id\":1,\"quantity\":1,\"subtotal\":" + subtotal + "}],"
                + "\"transactions\":[{\"currency\":\"" + currency + "\"}]}\n";
    }

    private static String purchase(String currency, String amount) {
        return "{\"Id\":\"77\",\"MetaData\":{\"LastUpdatedTime\":\"2024-03-03T10:00:00Z\"},\"TxnDate\":\"2024-03-03\","
                + "\"CurrencyRef\":{\"value\":\"" + currency + "\"},\"TotalAmt\":" + amount + ",\"Line\":[{\"Id\":\"1\","
                + "\"Amount\":" + amount + ",\"DetailType\":\"AccountBasedExpenseLineDetail\","
                + "\"AccountBasedExpenseLineDetail\":{\"AccountRef\":{\"value\":\"13\",\"name\":\"Office Supplies\"}}}]}\n";
    }
}
