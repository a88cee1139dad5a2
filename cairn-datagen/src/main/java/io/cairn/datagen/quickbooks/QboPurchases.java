package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** quickbooks/purchases: expenses paid by card, cheque or cash; a later version corrects an amount. */
public final class QboPurchases extends QboTransactions {
    private static final String[] VENDORS = {"Northwind Supply", "Contoso Logistics", "Fabrikam Media",
        "Tailspin Utilities", "Litware Software", "Adventure Works Realty", "Proseware Insurance", "Bob's Burger Joint"};

    public QboPurchases(TenantContext ctx) {
        super(ctx, "purchases", DayShape.OFFICE, 2 + 0.6 * ctx.scale());
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Rng rng = rng(slot, 0);
        List<Object> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        int count = rng.chance(0.8) ? 1 : 2;
        for (int i = 0; i < count; i++) {
            QboAccount account = QboAccount.expense(rng);
            BigDecimal amount = Money.cents(rng.between(account.minSpend() * 100, account.maxSpend() * 100));
            if (version > 0 && i == 0) {
                amount = Money.round(amount.multiply(new BigDecimal("1.10")));
            }
            total = total.add(amount);
            lines.add(Json.obj("Id", String.valueOf(i + 1), "Description", account.name(), "Amount", amount,
                    "DetailType", "AccountBasedExpenseLineDetail", "AccountBasedExpenseLineDetail", Json.obj(
                            "AccountRef", QboJson.ref(account), "BillableStatus", "NotBillable",
                            "TaxCodeRef", Json.obj("value", "NON"))));
        }
        boolean card = rng.chance(0.6);
        int vendor = rng.nextInt(VENDORS.length);
        Map<String, Object> out = Json.obj("AccountRef", QboJson.ref(card ? QboAccount.MASTERCARD : QboAccount.CHECKING),
                "PaymentType", card ? "CreditCard" : rng.chance(0.5) ? "Check" : "Cash",
                "EntityRef", Json.obj("value", String.valueOf(40 + vendor), "name", VENDORS[vendor], "type", "Vendor"),
                "Credit", false, "TotalAmt", total);
        out.putAll(QboJson.entity(ctx, String.valueOf(3_000_000 + slot.index()), version, slot.time(), versionTime));
        out.putAll(Json.obj("TxnDate", ctx.period().localDate(slot.time()), "CurrencyRef", QboJson.currency(ctx),
                "PrivateNote", version == 0 ? null : "Amount corrected", "Line", lines));
        return out;
    }

    @Override
    public void onFinal(Slot slot, Map<String, Object> purchase) {
        String month = ((String) purchase.get("TxnDate")).substring(0, 7);
        for (Map<String, Object> line : Json.maps(purchase, "Line")) {
            String account = (String) Json.get(line, "AccountBasedExpenseLineDetail.AccountRef.name");
            ctx.truth().expenses().expense(month, account, (BigDecimal) line.get("Amount"));
        }
    }
}
