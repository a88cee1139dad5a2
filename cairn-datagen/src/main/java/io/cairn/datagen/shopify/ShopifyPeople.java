package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Person;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Json;

import java.util.Map;

/** Shopify's customer and address objects for a person of the tenant. */
final class ShopifyPeople {
    private ShopifyPeople() {
    }

    static Map<String, Object> address(TenantContext ctx, Person p, boolean named) {
        return Json.obj("address1", p.address1(), "address2", "", "city", p.city().name(), "company", null,
                "country", ctx.locale().countryName(), "first_name", named ? p.firstName() : null,
                "last_name", named ? p.lastName() : null, "phone", p.phone(), "province", p.city().province(),
                "zip", p.zip(), "name", named ? p.name() : null, "province_code", p.city().provinceCode(),
                "country_code", ctx.locale().countryCode());
    }

    static Map<String, Object> customer(TenantContext ctx, Person p, String updatedAt, String tags) {
        Map<String, Object> address = address(ctx, p, false);
        address.put("id", ShopifyIds.customer(ctx.index(), p.index()));
        address.put("country_name", ctx.locale().countryName());
        address.put("default", true);
        String created = ctx.period().offsetTime(p.createdAt());
        return Json.obj("id", ShopifyIds.customer(ctx.index(), p.index()), "email", p.email(),
                "accepts_marketing", p.acceptsMarketing(), "created_at", created, "updated_at", updatedAt,
                "first_name", p.firstName(), "last_name", p.lastName(), "state", "enabled", "note", null,
                "verified_email", true, "multipass_identifier", null, "tax_exempt", false, "phone", p.phone(),
                "tags", tags, "currency", ctx.profile().currency(), "default_address", address);
    }
}
