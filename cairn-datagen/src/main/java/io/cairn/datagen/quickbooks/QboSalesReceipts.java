package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Slot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** quickbooks/sales_receipts: paid-on-the-spot sales; a later version corrects the first line's quantity. */
public final class QboSalesReceipts extends QboTransactions {
    public QboSalesReceipts(TenantContext ctx) {
        super(ctx, "sales_receipts", DayShape.STORE, 5 * ctx.scale());
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        var rng = rng(slot, 0);
        QboSalesLines lines = QboSalesLines.create(ctx, rng, 3, version > 0);
        boolean card = rng.chance(0.7);
        Map<String, Object> out = QboJson.entity(ctx, String.valueOf(4_000_000 + slot.index()), version,
                slot.time(), versionTime);
        out.putAll(Json.obj("DocNumber", "SR-" + (1001 + slot.index()),
                "TxnDate", ctx.period().localDate(slot.time()), "CurrencyRef", QboJson.currency(ctx),
                "Line", lines.lines(), "TxnTaxDetail", lines.taxDetail(ctx),
                "CustomerRef", QboJson.ref("0", "Walk-in Customer"),
                "TotalAmt", lines.total(), "ApplyTaxAfterDiscount", false, "PrintStatus", "NotSet",
                "EmailStatus", "NotSet", "Balance", 0,
                "PaymentMethodRef", card ? QboJson.ref("3", "Credit Card") : QboJson.ref("1", "Cash"),
                "DepositToAccountRef", QboJson.ref(QboAccount.UNDEPOSITED)));
        return out;
    }

    @Override
    public void onFinal(Slot slot, Map<String, Object> receipt) {
        long units = 0;
        BigDecimal gross = Money.ZERO;
        for (Map<String, Object> line : Json.maps(receipt, "Line")) {
            if ("SalesItemLineDetail".equals(line.get("DetailType"))) {
                int qty = ((Number) Json.get(line, "SalesItemLineDetail.Qty")).intValue();
                units += qty;
                gross = gross.add(Money.times((BigDecimal) Json.get(line, "SalesItemLineDetail.UnitPrice"), qty));
            }
        }
        BigDecimal tax = (BigDecimal) Json.get(receipt, "TxnTaxDetail.TotalTax");
        ctx.truth().sales().sale(LocalDate.parse((String) receipt.get("TxnDate")), "quickbooks",
                (String) Json.get(receipt, "CurrencyRef.value"), units, gross, Money.ZERO, tax);
    }
}
