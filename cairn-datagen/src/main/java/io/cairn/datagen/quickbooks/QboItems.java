package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Slot;

import java.util.Map;

/**
 * quickbooks/items: one inventory item per catalog variant (QuickBooks items carry no CurrencyRef, so this
 * stream gets no unknown-currency defect); a later version changes the quantity on hand.
 */
public final class QboItems extends QboDimension {
    public QboItems(TenantContext ctx) {
        super(ctx, "items", false);
    }

    @Override
    int count() {
        return ctx.catalog().variants().size();
    }

    static String name(TenantContext ctx, Variant v) {
        return ctx.catalog().label(v);
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Variant v = ctx.catalog().variants().get((int) slot.index());
        Map<String, Object> out = Json.obj("Name", name(ctx, v), "Sku", v.sku(),
                "Description", ctx.catalog().product(v).title(), "Active", true,
                "FullyQualifiedName", name(ctx, v), "Taxable", true, "UnitPrice", v.price(), "Type", "Inventory",
                "IncomeAccountRef", QboJson.ref(QboAccount.INCOME), "PurchaseCost", v.cost(),
                "ExpenseAccountRef", QboJson.ref(QboAccount.COGS), "AssetAccountRef",
                QboJson.ref(QboAccount.INVENTORY), "TrackQtyOnHand", true,
                "QtyOnHand", ctx.rng(spec().key(), slot.index(), version).between(0, 500),
                "InvStartDate", ctx.period().localDate(slot.time()));
        out.putAll(QboJson.entity(ctx, QboJson.itemId(slot.index()), version, slot.time(), versionTime));
        return out;
    }
}
