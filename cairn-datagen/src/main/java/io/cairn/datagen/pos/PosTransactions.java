package io.cairn.datagen.pos;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.Store;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.DailySlots;
import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** pos/transactions: till receipts of the tenant's stores; a later version voids or amends the receipt. */
public final class PosTransactions implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("pos", "transactions", FileFormat.JSONL,
            List.of("transaction_id"), "updated_at", "currency", true, true);
    private static final String[] PAYMENTS = {"card", "card", "card", "cash", "mobile_wallet", "gift_card"};
    private static final String[] CASHIERS = {"Alex", "Sam", "Jordan", "Taylor", "Casey", "Riley"};
    private final TenantContext ctx;

    public PosTransactions(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return DailySlots.of(ctx.period(), DayShape.STORE, 25 * ctx.scale(), ctx.seed(), ctx.index(),
                Rng.key(SPEC.key()));
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Rng rng = ctx.rng(SPEC.key(), slot.index(), 0);
        boolean voided = version > 0 && ctx.rng(SPEC.key(), slot.index(), 1).chance(0.4);
        boolean amended = version > 0 && !voided;
        Store store = ctx.shops().get(rng.nextInt(ctx.shops().size()));
        List<Object> items = new ArrayList<>();
        BigDecimal subtotal = Money.ZERO;
        BigDecimal discounts = Money.ZERO;
        BigDecimal taxes = Money.ZERO;
        int count = 1 + rng.skewed(5, 2);
        for (int i = 0; i < count; i++) {
            Variant v = ctx.catalog().pick(rng);
            int qty = 1 + rng.skewed(4, 2.5) + (amended && i == 0 ? 1 : 0);
            BigDecimal amount = Money.times(v.price(), qty);
            BigDecimal discount = rng.chance(0.15) ? Money.round(amount.multiply(new BigDecimal("0.10"))) : Money.ZERO;
            BigDecimal tax = Money.round(amount.subtract(discount).multiply(ctx.locale().taxRate()));
            items.add(Json.obj("sku", v.sku(), "name", ctx.catalog().label(v),
                    "quantity", qty, "unit_price", v.price(), "discount", discount, "tax", tax));
            subtotal = subtotal.add(amount);
            discounts = discounts.add(discount);
            taxes = taxes.add(tax);
        }
        String occurred = ctx.period().offsetTime(slot.time());
        return Json.obj("transaction_id", String.format(Locale.ROOT, "%s-%08d", store.code(), slot.index()),
                "store_id", store.code(), "store_name", store.name(),
                "register_id", store.code() + "-R" + (1 + rng.nextInt(store.registers())),
                "cashier", rng.pick(CASHIERS), "occurred_at", occurred,
                "updated_at", ctx.period().offsetTime(versionTime), "currency", ctx.profile().currency(),
                "status", voided ? "voided" : "completed", "items", items, "subtotal", subtotal,
                "discount_total", discounts, "tax_total", taxes, "total", subtotal.subtract(discounts).add(taxes),
                "payment_method", rng.pick(PAYMENTS), "loyalty_email",
                rng.chance(0.3) ? ctx.customers().person(ctx.customers().pick(rng, slot.day())).email() : null);
    }

    @Override
    public void onFinal(Slot slot, Map<String, Object> txn) {
        if ("voided".equals(txn.get("status"))) {
            return;
        }
        long units = 0;
        BigDecimal gross = Money.ZERO;
        BigDecimal discounts = Money.ZERO;
        BigDecimal taxes = Money.ZERO;
        for (Map<String, Object> item : Json.maps(txn, "items")) {
            int qty = ((Number) item.get("quantity")).intValue();
            units += qty;
            gross = gross.add(Money.times((BigDecimal) item.get("unit_price"), qty));
            discounts = discounts.add((BigDecimal) item.get("discount"));
            taxes = taxes.add((BigDecimal) item.get("tax"));
        }
        ctx.truth().sales().sale(ctx.period().date(slot.time()), "pos", (String) txn.get("currency"), units, gross,
                discounts, taxes);
    }
}
