package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.Person;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders an order in the Shopify Admin REST shape, field for field like the API's order resource. */
final class ShopifyOrderJson {
    /** The lifecycle of one version: its change time and, when they happened, cancellation and fulfilment. */
    record State(long updatedAt, Long cancelledAt, Long fulfilledAt) {
    }

    private ShopifyOrderJson() {
    }

    static Map<String, Object> render(TenantContext ctx, Slot slot, OrderDraft draft, State state) {
        OrderPricing pricing = OrderPricing.of(draft, ctx.locale().taxRate());
        Rng rng = ctx.rng("shopify/orders", slot.index(), 7);
        Person person = ctx.customers().person(draft.customer());
        long id = ShopifyIds.order(ctx.index(), slot.index());
        long number = 1001 + slot.index();
        String created = ctx.period().offsetTime(slot.time());
        String currency = ctx.profile().currency();
        boolean cancelled = state.cancelledAt() != null;
        Map<String, Object> o = Json.obj("id", id, "admin_graphql_api_id", "gid://shopify/Order/" + id,
                "buyer_accepts_marketing", person.acceptsMarketing(),
                "cancel_reason", cancelled ? "customer" : null,
                "cancelled_at", cancelled ? ctx.period().offsetTime(state.cancelledAt()) : null,
                "cart_token", rng.hex(32), "checkout_id", ShopifyIds.checkout(ctx.index(), slot.index()),
                "checkout_token", rng.hex(32), "client_details", Json.obj("accept_language", "en",
                        "browser_ip", "192.0.2." + rng.nextInt(255), "session_hash", null, "user_agent", null),
                "closed_at", cancelled ? ctx.period().offsetTime(state.cancelledAt()) : null,
                "confirmed", true, "created_at", created, "currency", currency, "email", person.email(),
                "financial_status", cancelled ? "voided" : draft.financialStatus(),
                "fulfillment_status", state.fulfilledAt() != null ? "fulfilled" : null, "gateway", draft.gateway(),
                "landing_site", "/products", "landing_site_ref", null, "location_id", null,
                "name", "#" + number, "note", null, "note_attributes", List.of(), "number", number - 1000,
                "order_number", number, "presentment_currency", currency, "processing_method", "direct",
                "reference", null, "referring_site", rng.chance(0.3) ? "https://www.google.com/" : "",
                "source", null, "source_identifier", null, "source_name", draft.sourceName(), "source_url", null,
                "subtotal_price", Money.text(pricing.subtotal()), "tags", state.fulfilledAt() != null ? "shipped" : "",
                "taxes_included", false, "test", false, "token", rng.hex(32),
                "total_discounts", Money.text(pricing.discounts()),
                "total_line_items_price", Money.text(pricing.lineItems()),
                "total_price", Money.text(pricing.total()),
                "total_price_usd", "USD".equals(currency) ? Money.text(pricing.total()) : null,
                "total_tax", Money.text(pricing.tax()), "total_weight", weight(pricing),
                "updated_at", ctx.period().offsetTime(state.updatedAt()), "user_id", null,
                "browser_ip", "192.0.2." + rng.nextInt(255));
        o.put("discount_codes", discountCodes(draft, pricing));
        o.put("tax_lines", List.of(taxLine(ctx, pricing.tax())));
        o.put("line_items", lineItems(ctx, slot, pricing, state.fulfilledAt() != null));
        o.put("shipping_lines", List.of(Json.obj("code", draft.shippingTitle(), "price", Money.text(draft.shipping()),
                "source", "shopify", "title", draft.shippingTitle(), "tax_lines", List.of())));
        o.put("payment_details", Json.obj("avs_result_code", null, "credit_card_bin", null, "cvv_result_code", null,
                "credit_card_number", "XXXX-XXXX-XXXX-" + (4000 + rng.nextInt(6000)), "credit_card_company",
                rng.chance(0.6) ? "Visa" : "Mastercard"));
        o.put("billing_address", ShopifyPeople.address(ctx, person, true));
        o.put("shipping_address", ShopifyPeople.address(ctx, person, true));
        o.put("fulfillments", fulfillments(ctx, id, state));
        o.put("customer", ShopifyPeople.customer(ctx, person, ctx.period().offsetTime(person.createdAt()), ""));
        return o;
    }

    private static int weight(OrderPricing pricing) {
        return pricing.lines().stream().mapToInt(l -> l.line().variant().grams() * l.line().quantity()).sum();
    }

    private static List<Object> discountCodes(OrderDraft draft, OrderPricing pricing) {
        if (draft.discountCode() == null) {
            return List.of();
        }
        String type = draft.discountPercent() != null ? "percentage" : "fixed_amount";
        return List.of(Json.obj("code", draft.discountCode(), "amount", Money.text(pricing.discounts()),
                "type", type));
    }

    static Map<String, Object> taxLine(TenantContext ctx, java.math.BigDecimal amount) {
        return Json.obj("price", Money.text(amount), "rate", ctx.locale().taxRate().doubleValue(),
                "title", ctx.locale().taxTitle());
    }

    private static List<Object> lineItems(TenantContext ctx, Slot slot, OrderPricing pricing, boolean fulfilled) {
        List<Object> out = new ArrayList<>();
        int n = 0;
        for (OrderPricing.PricedLine pl : pricing.lines()) {
            var v = pl.line().variant();
            var product = ctx.catalog().product(v);
            List<Object> allocations = pl.discount().signum() == 0 ? List.of()
                    : List.of(Json.obj("amount", Money.text(pl.discount()), "discount_application_index", 0));
            out.add(Json.obj("id", ShopifyIds.lineItem(ctx.index(), slot.index(), n++),
                    "variant_id", v.id(), "product_id", product.id(), "sku", v.sku(), "title", product.title(),
                    "variant_title", v.title(), "name", ctx.catalog().label(v), "vendor",
                    product.vendor(), "quantity", pl.line().quantity(), "price", Money.text(v.price()),
                    "grams", v.grams(), "fulfillment_service", "manual",
                    "fulfillment_status", fulfilled ? "fulfilled" : null, "requires_shipping", true,
                    "taxable", true, "gift_card", false, "product_exists", true, "properties", List.of(),
                    "variant_inventory_management", "shopify",
                    "total_discount", "0.00", "tax_lines", List.of(taxLine(ctx, pl.tax())),
                    "discount_allocations", allocations));
        }
        return out;
    }

    private static List<Object> fulfillments(TenantContext ctx, long orderId, State state) {
        if (state.fulfilledAt() == null) {
            return List.of();
        }
        String at = ctx.period().offsetTime(state.fulfilledAt());
        return List.of(Json.obj("id", orderId + 1_000_000_000_000L, "order_id", orderId, "status", "success",
                "service", "manual", "created_at", at, "updated_at", at, "tracking_company", "UPS",
                "tracking_number", "1Z" + orderId));
    }
}
