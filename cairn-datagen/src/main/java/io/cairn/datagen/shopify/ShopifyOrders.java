package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DailySlots;
import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** shopify/orders: web orders; a later version cancels, edits or fulfils the order. */
public final class ShopifyOrders implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("shopify", "orders", FileFormat.JSONL, List.of("id"),
            "updated_at", "currency", true, true);
    /** Orders per day of a tenant of scale 1. */
    public static final double PER_DAY = 45;

    private final TenantContext ctx;
    private final int dayLimit;

    public ShopifyOrders(TenantContext ctx) {
        this(ctx, ctx.period().days());
    }

    ShopifyOrders(TenantContext ctx, int dayLimit) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.dayLimit = dayLimit;
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return new DailySlots(ctx.period(), DayShape.WEB, PER_DAY * ctx.scale(), dayLimit, ctx.seed(), ctx.index(),
                Rng.key(SPEC.key()));
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        OrderDraft draft = OrderDraft.create(ctx, slot, SPEC.key());
        if (version == 0) {
            return ShopifyOrderJson.render(ctx, slot, draft, new ShopifyOrderJson.State(slot.time(), null, null));
        }
        double roll = ctx.rng(SPEC.key(), slot.index(), 1).nextDouble();
        if (roll < 0.3) {
            var state = new ShopifyOrderJson.State(versionTime, versionTime, null);
            return ShopifyOrderJson.render(ctx, slot, draft, state);
        }
        if (roll < 0.6) {
            var state = new ShopifyOrderJson.State(versionTime, null, null);
            return ShopifyOrderJson.render(ctx, slot, draft.edited(), state);
        }
        return ShopifyOrderJson.render(ctx, slot, draft, new ShopifyOrderJson.State(versionTime, null, versionTime));
    }

    @Override
    public void onFinal(Slot slot, Map<String, Object> order) {
        if (order.get("cancelled_at") != null) {
            return;
        }
        long units = 0;
        BigDecimal gross = Money.ZERO;
        for (Map<String, Object> line : Json.maps(order, "line_items")) {
            int quantity = ((Number) line.get("quantity")).intValue();
            units += quantity;
            gross = gross.add(Money.times(Money.parse(line.get("price")), quantity));
        }
        ctx.truth().sales().sale(ctx.period().date(slot.time()), "shopify", (String) order.get("currency"), units,
                gross, Money.parse(order.get("total_discounts")), Money.parse(order.get("total_tax")));
    }
}
