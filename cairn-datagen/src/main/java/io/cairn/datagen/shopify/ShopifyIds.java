package io.cairn.datagen.shopify;

/** Shopify-style 13-14 digit ids, disjoint per tenant and per kind of object. */
final class ShopifyIds {
    private ShopifyIds() {
    }

    static long order(int tenant, long index) {
        return 5_500_000_000_000L + tenant * 10_000_000_000L + index;
    }

    static long lineItem(int tenant, long order, int line) {
        return 13_000_000_000_000L + tenant * 100_000_000_000L + order * 10 + line;
    }

    static long customer(int tenant, long index) {
        return 6_000_000_000_000L + tenant * 1_000_000_000L + index;
    }

    static long refund(int tenant, long order) {
        return 900_000_000_000L + tenant * 10_000_000_000L + order;
    }

    static long transaction(int tenant, long order, int kind) {
        return 7_100_000_000_000L + tenant * 100_000_000_000L + order * 4 + kind;
    }

    static long checkout(int tenant, long order) {
        return 30_000_000_000_000L + tenant * 10_000_000_000L + order;
    }
}
