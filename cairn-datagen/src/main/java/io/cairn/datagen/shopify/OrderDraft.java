package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The business content of a Shopify order before it is priced and rendered: who bought what, with which
 * discount code and shipping. Edits produce a new draft; the order id and times stay with the slot.
 *
 * @param discountPercent a percentage code (0.10 = 10 %), or null
 * @param discountFixed a fixed-amount code, or null
 */
record OrderDraft(
        long customer,
        List<OrderLine> lines,
        String discountCode,
        BigDecimal discountPercent,
        BigDecimal discountFixed,
        String shippingTitle,
        BigDecimal shipping,
        String gateway,
        String sourceName,
        String financialStatus) {
    record OrderLine(Variant variant, int quantity) {
    }

    private static final String[] GATEWAYS = {"shopify_payments", "shopify_payments", "paypal", "manual"};
    private static final String[] SOURCES = {"web", "web", "web", "iphone", "android", "shopify_draft_order"};

    OrderDraft {
        lines = List.copyOf(lines);
    }

    static OrderDraft create(TenantContext ctx, Slot slot, String stream) {
        Rng rng = ctx.rng(stream, slot.index(), 0);
        long customer = ctx.customers().pick(rng, slot.day());
        List<OrderLine> lines = new ArrayList<>();
        int count = 1 + rng.skewed(4, 2.2);
        for (int i = 0; i < count; i++) {
            lines.add(new OrderLine(ctx.catalog().pick(rng), 1 + rng.skewed(3, 2.5)));
        }
        double roll = rng.nextDouble();
        String code = roll < 0.10 ? "WELCOME10" : roll < 0.16 ? "SAVE5" : roll < 0.20 ? "VIP15" : null;
        BigDecimal percent = "WELCOME10".equals(code) ? new BigDecimal("0.10")
                : "VIP15".equals(code) ? new BigDecimal("0.15") : null;
        BigDecimal fixed = "SAVE5".equals(code) ? new BigDecimal("5.00") : null;
        boolean free = rng.chance(0.45);
        return new OrderDraft(customer, lines, code, percent, fixed, free ? "Free Shipping" : "Standard",
                free ? Money.ZERO : new BigDecimal(rng.chance(0.7) ? "4.99" : "9.99"), rng.pick(GATEWAYS),
                rng.pick(SOURCES), rng.chance(0.92) ? "paid" : "pending");
    }

    /** The same order after the merchant changed the quantity of its last line. */
    OrderDraft edited() {
        List<OrderLine> edited = new ArrayList<>(lines);
        OrderLine last = edited.get(edited.size() - 1);
        int quantity = last.quantity() > 1 ? last.quantity() - 1 : last.quantity() + 1;
        edited.set(edited.size() - 1, new OrderLine(last.variant(), quantity));
        return new OrderDraft(customer, edited, discountCode, discountPercent, discountFixed, shippingTitle,
                shipping, gateway, sourceName, "paid");
    }
}
