package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Rng;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SalesItemLineDetail lines of an invoice or sales receipt, their SubTotalLineDetail line, and the tax.
 *
 * @param lines the Line array as QuickBooks writes it
 */
record QboSalesLines(List<Object> lines, BigDecimal subtotal, BigDecimal tax) {
    /** Lines for catalog items; {@code edited} adds one unit to the first line (a corrected document). */
    static QboSalesLines create(TenantContext ctx, Rng rng, int maxLines, boolean edited) {
        List<Object> lines = new ArrayList<>();
        BigDecimal subtotal = Money.ZERO;
        int count = rng.between(1, maxLines);
        for (int i = 0; i < count; i++) {
            Variant v = ctx.catalog().pick(rng);
            int qty = rng.between(1, 6) + (edited && i == 0 ? 1 : 0);
            BigDecimal amount = Money.times(v.price(), qty);
            subtotal = subtotal.add(amount);
            int index = ctx.catalog().variants().indexOf(v);
            Map<String, Object> detail = Json.obj("ItemRef", QboJson.ref(QboJson.itemId(index),
                    QboItems.name(ctx, v)), "UnitPrice", v.price(), "Qty", qty, "TaxCodeRef", Json.obj("value", "TAX"));
            lines.add(Json.obj("Id", String.valueOf(i + 1), "LineNum", i + 1, "Description",
                    ctx.catalog().product(v).title(), "Amount", amount, "DetailType", "SalesItemLineDetail",
                    "SalesItemLineDetail", detail));
        }
        lines.add(Json.obj("Amount", subtotal, "DetailType", "SubTotalLineDetail", "SubTotalLineDetail", Json.obj()));
        BigDecimal tax = Money.round(subtotal.multiply(ctx.locale().taxRate()));
        return new QboSalesLines(lines, subtotal, tax);
    }

    Map<String, Object> taxDetail(TenantContext ctx) {
        BigDecimal percent = ctx.locale().taxRate().movePointRight(2).stripTrailingZeros();
        return Json.obj("TxnTaxCodeRef", Json.obj("value", "2"), "TotalTax", tax, "TaxLine", List.of(Json.obj(
                "Amount", tax, "DetailType", "TaxLineDetail", "TaxLineDetail", Json.obj("TaxRateRef",
                        Json.obj("value", "3"), "PercentBased", true, "TaxPercent", percent,
                        "NetAmountTaxable", subtotal))));
    }

    BigDecimal total() {
        return subtotal.add(tax);
    }
}
