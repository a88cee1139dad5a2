package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Slot;

import java.math.BigDecimal;
import java.util.Map;

/** quickbooks/accounts: the chart of accounts; a later version moves the balance. */
public final class QboAccounts extends QboDimension {
    public QboAccounts(TenantContext ctx) {
        super(ctx, "accounts", true);
    }

    @Override
    int count() {
        return QboAccount.CHART.size();
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        QboAccount a = QboAccount.CHART.get((int) slot.index());
        BigDecimal balance = Money.cents(ctx.rng(spec().key(), slot.index(), version).between(0, 5_000_000));
        Map<String, Object> out = io.cairn.datagen.engine.Json.obj("Name", a.name(), "SubAccount", false,
                "FullyQualifiedName", a.name(), "Active", true, "Classification", a.classification(),
                "AccountType", a.type(), "AccountSubType", a.subType(), "CurrentBalance", balance,
                "CurrentBalanceWithSubAccounts", balance, "CurrencyRef", QboJson.currency(ctx));
        out.putAll(QboJson.entity(ctx, a.id(), version, slot.time(), versionTime));
        return out;
    }
}
