package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.Person;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Slot;

import java.util.Map;

/** quickbooks/customers: the tenant's invoiced customers (people of the shared pool); later versions re-phone. */
public final class QboCustomers extends QboDimension {
    public QboCustomers(TenantContext ctx) {
        super(ctx, "customers", true);
    }

    @Override
    int count() {
        return count(ctx);
    }

    static int count(TenantContext ctx) {
        return (int) (12 * Math.ceil(ctx.scale()));
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Person p = ctx.customers().person(slot.index());
        String phone = version == 0 ? p.phone() : ctx.locale().phonePrefix() + "010-" + (1000 + slot.index());
        Map<String, Object> address = Json.obj("Id", String.valueOf(500 + slot.index()), "Line1", p.address1(),
                "City", p.city().name(), "CountrySubDivisionCode", p.city().provinceCode(), "PostalCode", p.zip());
        Map<String, Object> out = Json.obj("Taxable", true, "BillAddr", address, "ShipAddr", address, "Job", false,
                "BillWithParent", false, "Balance", ctx.rng(spec().key(), slot.index(), version).between(0, 900),
                "CurrencyRef", QboJson.currency(ctx), "PreferredDeliveryMethod", "Email");
        out.putAll(QboJson.entity(ctx, QboJson.customerId(slot.index()), version, slot.time(), versionTime));
        out.putAll(Json.obj("GivenName", p.firstName(), "FamilyName", p.lastName(), "FullyQualifiedName", p.name(),
                "DisplayName", p.name(), "PrintOnCheckName", p.name(), "Active", true,
                "PrimaryPhone", Json.obj("FreeFormNumber", phone), "PrimaryEmailAddr",
                Json.obj("Address", p.email())));
        return out;
    }
}
