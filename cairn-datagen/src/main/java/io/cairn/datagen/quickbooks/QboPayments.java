package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DefectPlanner;
import io.cairn.datagen.engine.DerivedSlots;
import io.cairn.datagen.engine.FinalVersion;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** quickbooks/payments: three invoices in four are paid in full 3 to 20 days after they are issued. */
public final class QboPayments implements RecordModel {
    public static final StreamSpec SPEC = QboTransactions.spec("payments");
    private final TenantContext ctx;
    private final QboInvoices invoices;
    private final DefectPlanner invoicePlanner;

    public QboPayments(TenantContext ctx, QboInvoices invoices, DefectPlanner invoicePlanner) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.invoices = requireNonNull(invoices, "invoices is null");
        this.invoicePlanner = requireNonNull(invoicePlanner, "invoicePlanner is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return new DerivedSlots(invoices.slots(), ctx.period(), invoice -> {
            Rng rng = ctx.rng(SPEC.key(), invoice.index(), 0);
            return rng.chance(0.75) ? invoice.time() + rng.between(3, 20) * 86_400L + rng.nextInt(4 * 3600)
                    : DerivedSlots.NONE;
        });
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Map<String, Object> invoice = FinalVersion.of(invoices, invoicePlanner, slot.parent(ctx.period()));
        Object amount = invoice.get("TotalAmt");
        Map<String, Object> out = Json.obj("CustomerRef", invoice.get("CustomerRef"),
                "DepositToAccountRef", Json.obj("value", QboAccount.UNDEPOSITED.id()), "TotalAmt", amount,
                "UnappliedAmt", 0, "ProcessPayment", false);
        out.putAll(QboJson.entity(ctx, String.valueOf(2_000_000 + slot.index()), version, slot.time(), versionTime));
        out.putAll(Json.obj("TxnDate", ctx.period().localDate(slot.time()), "CurrencyRef", QboJson.currency(ctx),
                "PrivateNote", version == 0 ? null : "Matched to deposit",
                "Line", List.of(Json.obj("Amount", amount, "LinkedTxn", List.of(
                        Json.obj("TxnId", invoice.get("Id"), "TxnType", "Invoice"))))));
        return out;
    }
}
