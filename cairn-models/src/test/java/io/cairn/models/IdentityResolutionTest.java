package io.cairn.models;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer records of Shopify, CRM and QuickBooks resolve to persons by rule, with overrides and SCD2 history. */
class IdentityResolutionTest {
    private static final List<String> ABSENT = List.of("shopify__orders", "shopify__refunds", "shopify__products",
            "shopify__inventory_levels", "quickbooks__invoices", "quickbooks__payments", "quickbooks__purchases",
            "quickbooks__accounts", "quickbooks__items", "quickbooks__sales_receipts", "pos__transactions",
            "ecommerce__orders", "inventory__snapshots");

    @Test
    void recordsResolveByEmailPhoneNameAddressAndManualOverride(@TempDir Path dir) throws IOException {
        try (ModelsFixture fixture = new ModelsFixture(dir)) {
            fixture.registerTenant("gamma", "UTC", "USD");
            fixture.drop("gamma", "shopify", "customers", "c.jsonl",
                    shopifyCustomer("2024-03-01T00:00:00Z", "Boston") + shopifyCustomer("2024-03-04T00:00:00Z",
                            "Chicago"));
            fixture.drop("gamma", "crm", "customers", "c.csv", "customer_id,first_name,last_name,email,phone,"
                    + "address_line1,city,state,postal_code,country,created_at,updated_at\n"
                    + "C1,Ann,Lee,,+1 555 010 2000,,,,,,2024-03-01 09:00:00,2024-03-01 09:00:00\n"
                    + "C2,ANN,LEE,,,1 Main St.,Boston,MA,10001,US,2024-03-01 09:00:00,2024-03-01 09:00:00\n"
                    + "C3,Bob,Stone,bob@example.com,,,,,,,2024-03-01 09:00:00,2024-03-01 09:00:00\n");
            fixture.drop("gamma", "quickbooks", "customers", "c.jsonl", "{\"Id\":\"9\",\"GivenName\":\"Cy\","
                    + "\"FamilyName\":\"Park\",\"MetaData\":{\"LastUpdatedTime\":\"2024-03-02T00:00:00Z\"}}\n");
            Files.writeString(fixture.project.resolve("seeds/customer_identity_overrides.csv"),
                    "tenant_id,source_system,source_customer_id,person_key,note\n"
                            + "gamma,crm,C3,email:ann.lee@example.com,same household confirmed by support\n");
            fixture.land(List.of(fixture.addFileSource("gamma", "shopify"), fixture.addFileSource("gamma", "crm"),
                    fixture.addFileSource("gamma", "quickbooks")));

            IncrementalBuildTest.assertSucceeded(fixture.build(false, Map.of("cairn_absent_streams", ABSENT)));

            assertThat(fixture.rows("SELECT customer_record_key, person_key, match_rule, match_confidence "
                    + "FROM intermediate.int_customers ORDER BY 1")).containsExactly(
                    List.<Object>of("crm:C1", "email:ann.lee@example.com", "phone", new BigDecimal("0.90")),
                    List.<Object>of("crm:C2", "email:ann.lee@example.com", "name_address", new BigDecimal("0.80")),
                    List.<Object>of("crm:C3", "email:ann.lee@example.com", "manual", new BigDecimal("1.00")),
                    List.<Object>of("quickbooks:9", "record:quickbooks:9", "single", new BigDecimal("0.50")),
                    List.<Object>of("shopify:1", "email:ann.lee@example.com", "email", new BigDecimal("1.00")));
            assertThat(fixture.rows("SELECT person_key, source_records, email, city FROM marts.customer_360 "
                    + "ORDER BY 1")).extracting(row -> row.get(0) + "|" + row.get(1) + "|" + row.get(2) + "|" + row.get(3))
                    .containsExactly("email:ann.lee@example.com|4|ann.lee@example.com|Chicago",
                            "record:quickbooks:9|1|null|null");
            assertThat(fixture.rows("SELECT city, cast(effective_from AS VARCHAR), cast(effective_to AS VARCHAR), "
                    + "is_current FROM marts.dim_customers WHERE customer_record_key = 'shopify:1' ORDER BY 2"))
                    .extracting(row -> row.get(0) + "|" + row.get(3))
                    .containsExactly("Boston|false", "Chicago|true");
            assertThat(fixture.rows("SELECT count(*) FROM marts.dim_customers WHERE customer_record_key = 'shopify:1' "
                    + "AND effective_to = (SELECT effective_from FROM marts.dim_customers WHERE is_current AND "
                    + "customer_record_key = 'shopify:1')")).containsExactly(List.of(1L));
        }
    }

    private static String shopifyCustomer(String updatedAt, String city) {
        return "{\"id\":1,\"email\":\"Ann.Lee@Example.com\",\"phone\":\"+1 (555) 010-2000\",\"first_name\":\"Ann\","
                + "\"last_name\":\"Lee\",\"created_at\":\"2024-03-01T00:00:00Z\",\"updated_at\":\"" + updatedAt + "\","
                + "\"default_address\":{\"address1\":\"1 Main St\",\"city\":\"" + city + "\",\"zip\":\"10001\"}}\n";
    }
}
