package io.cairn.core.landing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.spi.raw.StreamContract;

/**
 * The landing contract of each known source system's streams: which fields identify a record, which carries the
 * source's change time, where currencies are. Unknown streams use {@code id} and {@code updated_at}.
 */
public final class StreamContracts {
    private static final StreamContract DEFAULT = StreamContract.of(List.of("id"), "updated_at");
    private static final List<String> CURRENCY = List.of("currency");
    private static final StreamContract QUICKBOOKS = StreamContract.of(List.of("Id"), "MetaData.LastUpdatedTime")
            .withCurrencyFields(List.of("CurrencyRef.value"))
            .withDeleted("status", Set.of("Deleted"));

    private static final Map<String, StreamContract> KNOWN = Map.ofEntries(
            Map.entry("shopify/orders", DEFAULT.withCurrencyFields(CURRENCY)),
            Map.entry("shopify/refunds", StreamContract.of(List.of("id"), "created_at")),
            Map.entry("shopify/transactions", StreamContract.of(List.of("id"), "created_at")
                    .withCurrencyFields(CURRENCY)),
            Map.entry("shopify/customers", DEFAULT.withCurrencyFields(CURRENCY)),
            Map.entry("shopify/products", DEFAULT),
            Map.entry("shopify/locations", DEFAULT),
            Map.entry("shopify/inventory_levels",
                    StreamContract.of(List.of("inventory_item_id", "location_id"), "updated_at")),
            Map.entry("pos/transactions", StreamContract.of(List.of("transaction_id"), "updated_at")
                    .withCurrencyFields(CURRENCY)),
            Map.entry("ecommerce/orders", StreamContract.of(List.of("order_id"), "updated_at")
                    .withCurrencyFields(CURRENCY)),
            Map.entry("crm/customers", StreamContract.of(List.of("customer_id"), "updated_at")),
            Map.entry("inventory/snapshots",
                    StreamContract.of(List.of("snapshot_date", "location_id", "sku"), "snapshot_date")));

    private StreamContracts() {}

    /** The contract of {@code system/stream}; every QuickBooks entity shares one. */
    public static StreamContract forStream(String system, String stream) {
        StreamContract known = KNOWN.get(system + "/" + stream);
        if (known != null) {
            return known;
        }
        return "quickbooks".equals(system) ? QUICKBOOKS : DEFAULT;
    }
}
