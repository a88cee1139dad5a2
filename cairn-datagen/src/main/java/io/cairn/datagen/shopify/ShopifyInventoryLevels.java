package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Store;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static java.util.Objects.requireNonNull;

/** shopify/inventory_levels: stock per variant at the warehouse and the first store, as of the period start. */
public final class ShopifyInventoryLevels implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("shopify", "inventory_levels", FileFormat.JSONL,
            List.of("inventory_item_id", "location_id"), "updated_at", null, false, true);
    private static final int LOCATIONS = 2;
    private final TenantContext ctx;

    public ShopifyInventoryLevels(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        long asOf = ctx.period().at(0, 6 * 3600);
        return LongStream.range(0, (long) ctx.catalog().variants().size() * LOCATIONS)
                .mapToObj(i -> new Slot(i, asOf, 0)).iterator();
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Variant variant = ctx.catalog().variants().get((int) (slot.index() / LOCATIONS));
        Store location = ctx.stores().get((int) (slot.index() % LOCATIONS));
        var rng = ctx.rng(SPEC.key(), slot.index(), version);
        int available = location.isWarehouse() ? rng.between(40, 400) : rng.between(0, 40);
        return Json.obj("inventory_item_id", variant.inventoryItemId(), "location_id", location.shopifyLocationId(),
                "available", available, "updated_at", ctx.period().offsetTime(versionTime),
                "admin_graphql_api_id", "gid://shopify/InventoryLevel/" + location.shopifyLocationId()
                        + "?inventory_item_id=" + variant.inventoryItemId());
    }
}
