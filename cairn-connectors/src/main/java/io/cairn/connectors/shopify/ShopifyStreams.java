package io.cairn.connectors.shopify;

import java.util.List;
import java.util.Optional;

import io.cairn.core.landing.StreamContracts;
import io.cairn.spi.source.StreamDescriptor;

/** The streams of the Shopify connector and how each is read. */
final class ShopifyStreams {
    /** How a stream is read. */
    enum Mode {
        /** A listing filtered by {@code updated_at_min}, ordered by {@code updated_at asc}, checkpointed per page. */
        UPDATED,
        /** The {@code refunds} embedded in orders, read with {@code fields=id,updated_at,refunds}. */
        ORDER_REFUNDS,
        /** {@code /orders/{id}/transactions.json} for each order updated since the cursor. */
        ORDER_TRANSACTIONS,
        /** Every location on every sync: a small list without a change filter. */
        FULL,
        /** Inventory levels of every location, filtered by {@code updated_at_min}, unordered: one checkpoint. */
        INVENTORY
    }

    /**
     * @param resource the listing's path below {@code /admin/api/{version}/}
     * @param rootKey the response key holding the records
     * @param deleteEvents the {@code filter} of {@code /events.json?verb=destroy} that reports deletes, or null
     */
    record Spec(String name, Mode mode, String resource, String rootKey, String deleteEvents, String description) {}

    static final List<Spec> ALL = List.of(
            new Spec("orders", Mode.UPDATED, "orders", "orders", "Order",
                    "Orders of any status with line items, discounts, tax and shipping lines; deletes as tombstones"),
            new Spec("refunds", Mode.ORDER_REFUNDS, "orders", "orders", null,
                    "Refunds with refund line items and transactions, taken from the orders updated since the cursor"),
            new Spec("transactions", Mode.ORDER_TRANSACTIONS, "orders", "orders", null,
                    "Payment transactions of each order updated since the cursor"),
            new Spec("customers", Mode.UPDATED, "customers", "customers", null, "Customers with addresses"),
            new Spec("products", Mode.UPDATED, "products", "products", "Product",
                    "Products with their variants, options and images; deletes as tombstones"),
            new Spec("inventory_levels", Mode.INVENTORY, "inventory_levels", "inventory_levels", null,
                    "Available quantity per inventory item and location"),
            new Spec("locations", Mode.FULL, "locations", "locations", null, "Locations, read in full each sync"));

    private ShopifyStreams() {}

    static Optional<Spec> find(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    static List<StreamDescriptor> descriptors() {
        return ALL.stream().map(spec -> new StreamDescriptor(spec.name(),
                StreamContracts.forStream(ShopifySourceFactory.TYPE, spec.name()), spec.mode() != Mode.FULL,
                spec.description())).toList();
    }
}
