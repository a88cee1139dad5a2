package io.cairn.datagen.domain;

import static java.util.Objects.requireNonNull;

/**
 * A physical location: a store with registers, or the warehouse (no registers).
 *
 * @param code the location code used by POS and inventory exports ("S01", "WH01")
 * @param shopifyLocationId the same location's id in Shopify
 */
public record Store(String code, String name, long shopifyLocationId, int registers) {
    public Store {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
    }

    public boolean isWarehouse() {
        return registers == 0;
    }
}
