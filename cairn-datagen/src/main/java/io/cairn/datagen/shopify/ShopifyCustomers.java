package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Person;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** shopify/customers: the tenant's customers as they sign up; a later version tags them and flips consent. */
public final class ShopifyCustomers implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("shopify", "customers", FileFormat.JSONL, List.of("id"),
            "updated_at", "currency", false, true);
    private final TenantContext ctx;

    public ShopifyCustomers(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return ctx.customers().slots();
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Person person = ctx.customers().person(slot.index());
        String updated = ctx.period().offsetTime(versionTime);
        Map<String, Object> customer = ShopifyPeople.customer(ctx, person, updated, version == 0 ? "" : "vip");
        if (version > 0) {
            customer.put("accepts_marketing", !person.acceptsMarketing());
        }
        customer.put("addresses", List.of(customer.get("default_address")));
        return customer;
    }
}
