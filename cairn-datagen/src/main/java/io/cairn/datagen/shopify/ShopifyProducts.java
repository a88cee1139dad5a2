package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Money;
import io.cairn.datagen.domain.Product;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.domain.Variant;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** shopify/products: the catalog, all in the first file; a later version retags a product. */
public final class ShopifyProducts implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("shopify", "products", FileFormat.JSONL, List.of("id"),
            "updated_at", null, false, true);
    private final TenantContext ctx;

    public ShopifyProducts(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    @Override
    public Iterator<Slot> slots() {
        return ctx.catalog().products().stream().map(p -> new Slot(p.index(), p.createdAt(), 0)).iterator();
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Product p = ctx.catalog().products().get((int) slot.index());
        String created = ctx.period().offsetTime(p.createdAt());
        String updated = ctx.period().offsetTime(versionTime);
        List<Object> variants = new ArrayList<>();
        for (Variant v : p.variants()) {
            variants.add(Json.obj("id", v.id(), "product_id", p.id(), "title", v.title(),
                    "price", Money.text(v.price()), "sku", v.sku(), "position", v.position(),
                    "inventory_policy", "deny", "compare_at_price", null, "fulfillment_service", "manual",
                    "inventory_management", "shopify", "option1", v.title(), "option2", null, "option3", null,
                    "created_at", created, "updated_at", updated, "taxable", true, "barcode", null,
                    "grams", v.grams(), "weight", v.grams() / 1000.0, "weight_unit", "kg",
                    "inventory_item_id", v.inventoryItemId(), "inventory_quantity", 20 + v.grams() % 80,
                    "requires_shipping", true));
        }
        String tags = version == 0 ? p.tags() : (p.tags().isEmpty() ? "sale" : p.tags() + ", sale");
        return Json.obj("id", p.id(), "title", p.title(), "body_html", "<p>" + p.title() + " by " + p.vendor()
                        + ".</p>", "vendor", p.vendor(), "product_type", p.productType(), "created_at", created,
                "handle", p.handle(), "updated_at", updated, "published_at", created, "template_suffix", null,
                "status", "active", "published_scope", "web", "tags", tags,
                "admin_graphql_api_id", "gid://shopify/Product/" + p.id(), "variants", variants,
                "options", List.of(Json.obj("name", p.variants().size() == 1 ? "Title" : "Option", "position", 1)),
                "images", List.of(), "image", null);
    }
}
