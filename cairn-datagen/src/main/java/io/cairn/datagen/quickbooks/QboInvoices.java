package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.Person;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Slot;

import java.util.List;
import java.util.Map;

/** quickbooks/invoices: wholesale invoices on 30-day terms; a later version corrects a quantity. */
public final class QboInvoices extends QboTransactions {
    public QboInvoices(TenantContext ctx) {
        super(ctx, "invoices", DayShape.OFFICE, 2.5 * ctx.scale());
    }

    static String id(long index) {
        return String.valueOf(1000 + index);
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        var rng = rng(slot, 0);
        long customer = rng.nextInt(QboCustomers.count(ctx));
        Person person = ctx.customers().person(customer);
        QboSalesLines lines = QboSalesLines.create(ctx, rng, 4, version > 0 && rng(slot, 1).chance(0.5));
        String txnDate = ctx.period().localDate(slot.time());
        Map<String, Object> out = Json.obj("AllowIPNPayment", false, "AllowOnlinePayment", false);
        out.putAll(QboJson.entity(ctx, id(slot.index()), version, slot.time(), versionTime));
        out.putAll(Json.obj("CustomField", List.of(), "DocNumber", String.valueOf(1001 + slot.index()),
                "TxnDate", txnDate, "CurrencyRef", QboJson.currency(ctx), "LinkedTxn", List.of(),
                "Line", lines.lines(), "TxnTaxDetail", lines.taxDetail(ctx),
                "CustomerRef", QboJson.ref(QboJson.customerId(customer), person.name()),
                "SalesTermRef", QboJson.ref("3", "Net 30"),
                "DueDate", ctx.period().date(slot.time()).plusDays(30).toString(), "TotalAmt", lines.total(),
                "ApplyTaxAfterDiscount", false, "PrintStatus", "NotSet",
                "EmailStatus", version == 0 ? "NeedToSend" : "EmailSent",
                "BillEmail", Json.obj("Address", person.email()), "Balance", lines.total()));
        return out;
    }
}
