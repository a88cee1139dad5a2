package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DefectKind;
import io.cairn.datagen.engine.DefectPlan;
import io.cairn.datagen.engine.DefectPlanner;
import io.cairn.datagen.engine.DerivedSlots;
import io.cairn.datagen.engine.FinalVersion;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * shopify/refunds: about 7 % of orders that are not cancelled get one refund of part of one line, one to twelve
 * days after the order (and after its last change). A refund keeps its order's index.
 */
public final class ShopifyRefunds implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("shopify", "refunds", FileFormat.JSONL, List.of("id"),
            "created_at", null, true, false);
    private static final String[] NOTES = {"Damaged in transit", "Wrong size", "Customer changed mind", "Late"};
    private final TenantContext ctx;
    private final ShopifyOrders orders;
    private final DefectPlanner orderPlanner;

    public ShopifyRefunds(TenantContext ctx, ShopifyOrders orders, DefectPlanner orderPlanner) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.orders = requireNonNull(orders, "orders is null");
        this.orderPlanner = requireNonNull(orderPlanner, "orderPlanner is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return new DerivedSlots(orders.slots(), ctx.period(), this::refundTime);
    }

    private long refundTime(Slot order) {
        Rng rng = ctx.rng(SPEC.key(), order.index(), 0);
        if (!rng.chance(0.07)) {
            return DerivedSlots.NONE;
        }
        DefectPlan plan = orderPlanner.plan(order);
        long after = plan.kind() == DefectKind.UPDATE ? plan.time() : order.time();
        long time = after + rng.between(1, 12) * 86_400L + rng.between(0, 6 * 3600);
        if (ctx.period().dayOf(time) >= ctx.period().days()) {
            return DerivedSlots.NONE;
        }
        Map<String, Object> last = FinalVersion.of(orders, orderPlanner, order);
        return last.get("cancelled_at") == null ? time : DerivedSlots.NONE;
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Map<String, Object> order = FinalVersion.of(orders, orderPlanner, slot.parent(ctx.period()));
        Rng rng = ctx.rng(SPEC.key(), slot.index(), 1);
        List<Map<String, Object>> lines = Json.maps(order, "line_items");
        Map<String, Object> line = lines.get(rng.nextInt(lines.size()));
        int ordered = ((Number) line.get("quantity")).intValue();
        int quantity = rng.between(1, ordered);
        BigDecimal subtotal = Money.times(Money.parse(line.get("price")), quantity);
        BigDecimal lineTax = Money.parse(Json.maps(line, "tax_lines").get(0).get("price"));
        BigDecimal tax = Money.round(lineTax.multiply(BigDecimal.valueOf(quantity))
                .divide(BigDecimal.valueOf(ordered), 2, RoundingMode.HALF_EVEN));
        long id = ShopifyIds.refund(ctx.index(), slot.index());
        String at = ctx.period().offsetTime(slot.time());
        List<Object> items = new ArrayList<>();
        items.add(Json.obj("id", id * 10, "quantity", quantity, "line_item_id", line.get("id"),
                "location_id", null, "restock_type", "return", "subtotal", subtotal, "total_tax", tax,
                "line_item", line));
        Map<String, Object> txn = Json.obj("id", ShopifyIds.transaction(ctx.index(), slot.index(), 1),
                "order_id", order.get("id"), "amount", Money.text(subtotal.add(tax)), "kind", "refund",
                "gateway", order.get("gateway"), "status", "success", "message", null, "created_at", at,
                "test", false, "authorization", null, "currency", order.get("currency"), "location_id", null,
                "user_id", null, "parent_id", ShopifyIds.transaction(ctx.index(), slot.index(), 0),
                "device_id", null, "error_code", null, "source_name", "web");
        return Json.obj("id", id, "admin_graphql_api_id", "gid://shopify/Refund/" + id, "order_id",
                order.get("id"), "created_at", at, "processed_at", at, "note", rng.pick(NOTES),
                "restock", true, "user_id", null, "refund_line_items", items, "transactions", List.of(txn),
                "order_adjustments", List.of());
    }

    @Override
    public void onFinal(Slot slot, Map<String, Object> refund) {
        BigDecimal amount = Money.ZERO;
        for (Map<String, Object> item : Json.maps(refund, "refund_line_items")) {
            amount = amount.add((BigDecimal) item.get("subtotal"));
        }
        String currency = (String) Json.maps(refund, "transactions").get(0).get("currency");
        ctx.truth().sales().refund(ctx.period().date(slot.time()), "shopify", currency, amount);
    }
}
