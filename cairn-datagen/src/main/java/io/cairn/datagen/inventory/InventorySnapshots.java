package io.cairn.datagen.inventory;

import io.cairn.datagen.domain.Store;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static java.util.Objects.requireNonNull;

/**
 * inventory/snapshots: end-of-day stock of every SKU at every location (warehouse and stores). Stock runs down
 * with daily sales and is refilled on a fixed cycle per SKU and location.
 */
public final class InventorySnapshots implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("inventory", "snapshots", FileFormat.CSV,
            List.of("snapshot_date", "location_id", "sku"), "snapshot_date", null, true, false);
    static final List<String> COLUMNS = List.of("snapshot_date", "location_id", "sku", "product_name", "on_hand",
            "reserved", "reorder_point", "unit_cost");
    private final TenantContext ctx;
    private final int perDay;

    public InventorySnapshots(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.perDay = ctx.catalog().variants().size() * ctx.stores().size();
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public List<String> columns(int chunk) {
        return COLUMNS;
    }

    @Override
    public Iterator<Slot> slots() {
        return LongStream.range(0, (long) perDay * ctx.period().days()).mapToObj(i -> {
            int day = (int) (i / perDay);
            return new Slot(i, ctx.period().at(day, 23 * 3600 + 55 * 60), day);
        }).iterator();
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        int within = (int) (slot.index() % perDay);
        Store store = ctx.stores().get(within / ctx.catalog().variants().size());
        Variant v = ctx.catalog().variants().get(within % ctx.catalog().variants().size());
        Rng stock = ctx.rng(SPEC.key(), within, 0);
        int capacity = store.isWarehouse() ? stock.between(150, 600) : stock.between(15, 80);
        int cycle = stock.between(5, 14);
        int phase = stock.nextInt(cycle);
        int dailySales = Math.max(1, capacity / (cycle + 2));
        int onHand = Math.max(0, capacity - dailySales * ((slot.day() + phase) % cycle));
        Rng today = ctx.rng(SPEC.key(), slot.index(), 1);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("snapshot_date", ctx.period().start().plusDays(slot.day()).toString());
        row.put("location_id", store.code());
        row.put("sku", v.sku());
        row.put("product_name", ctx.catalog().label(v));
        row.put("on_hand", Math.max(0, onHand + today.between(-2, 2)));
        row.put("reserved", today.nextInt(Math.max(1, onHand / 10 + 1)));
        row.put("reorder_point", capacity / 4);
        row.put("unit_cost", v.cost());
        return row;
    }
}
