package io.cairn.datagen.ecommerce;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.Person;
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
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * ecommerce/orders: marketplace orders exported as one JSON array per week, times in UTC; some are sold in a
 * second currency. A later version cancels the order or marks it delivered.
 */
public final class EcommerceOrders implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("ecommerce", "orders", FileFormat.JSON_ARRAY,
            List.of("order_id"), "updated_at", "currency", true, true);
    private static final String[] MARKETPLACES = {"amazon", "amazon", "ebay", "etsy", "walmart"};
    private final TenantContext ctx;

    public EcommerceOrders(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return DailySlots.of(ctx.period(), DayShape.WEB, 18 * ctx.scale(), ctx.seed(), ctx.index(),
                Rng.key(SPEC.key()));
    }

    private String currency(Rng rng) {
        String home = ctx.profile().currency();
        return rng.chance(0.15) ? ("USD".equals(home) ? "CAD" : "USD") : home;
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Rng rng = ctx.rng(SPEC.key(), slot.index(), 0);
        boolean cancelled = version > 0 && ctx.rng(SPEC.key(), slot.index(), 1).chance(0.3);
        String marketplace = rng.pick(MARKETPLACES);
        Person person = ctx.customers().person(ctx.customers().pick(rng, slot.day()));
        List<Object> items = new ArrayList<>();
        BigDecimal subtotal = Money.ZERO;
        int count = 1 + rng.skewed(3, 2.5);
        for (int i = 0; i < count; i++) {
            Variant v = ctx.catalog().pick(rng);
            int qty = 1 + rng.skewed(3, 3);
            items.add(Json.obj("sku", v.sku(), "title", ctx.catalog().product(v).title(), "quantity", qty,
                    "unit_price", v.price()));
            subtotal = subtotal.add(Money.times(v.price(), qty));
        }
        BigDecimal discount = rng.chance(0.12) ? Money.round(subtotal.multiply(new BigDecimal("0.05"))) : Money.ZERO;
        BigDecimal shipping = rng.chance(0.5) ? Money.ZERO : new BigDecimal("3.99");
        BigDecimal tax = Money.round(subtotal.subtract(discount).multiply(ctx.locale().taxRate()));
        String status = cancelled ? "cancelled" : version > 0 ? "delivered" : "shipped";
        return Json.obj("order_id", "EC-" + (100_000 + slot.index()),
                "order_number", marketplace.substring(0, 3).toUpperCase(java.util.Locale.ROOT) + "-"
                        + (7_000_000 + slot.index() * 7),
                "channel", "marketplace", "marketplace", marketplace, "status", status,
                "customer", Json.obj("email", person.email(), "name", person.name(), "phone", person.phone()),
                "shipping_address", Json.obj("line1", person.address1(), "city", person.city().name(),
                        "region", person.city().provinceCode(), "postal_code", person.zip(),
                        "country", ctx.locale().countryCode()),
                "items", items, "amounts", Json.obj("subtotal", subtotal, "discount", discount,
                        "shipping", shipping, "tax", tax, "total", subtotal.subtract(discount).add(shipping).add(tax)),
                "currency", currency(rng), "created_at", ctx.period().utcTime(slot.time()),
                "updated_at", ctx.period().utcTime(versionTime));
    }

    @Override
    public void onFinal(Slot slot, Map<String, Object> order) {
        if ("cancelled".equals(order.get("status"))) {
            return;
        }
        long units = 0;
        BigDecimal gross = Money.ZERO;
        for (Map<String, Object> item : Json.maps(order, "items")) {
            int qty = ((Number) item.get("quantity")).intValue();
            units += qty;
            gross = gross.add(Money.times((BigDecimal) item.get("unit_price"), qty));
        }
        ctx.truth().sales().sale(ctx.period().date(slot.time()), "ecommerce", (String) order.get("currency"), units,
                gross, (BigDecimal) Json.get(order, "amounts.discount"), (BigDecimal) Json.get(order, "amounts.tax"));
    }
}
