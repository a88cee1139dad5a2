package io.cairn.datagen.domain;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** One sellable variant (a SKU) of a product. */
public record Variant(
        int productIndex,
        int position,
        long id,
        long inventoryItemId,
        String sku,
        String title,
        BigDecimal price,
        BigDecimal cost,
        int grams) {
    public Variant {
        requireNonNull(sku, "sku is null");
        requireNonNull(title, "title is null");
        requireNonNull(price, "price is null");
        requireNonNull(cost, "cost is null");
    }
}
