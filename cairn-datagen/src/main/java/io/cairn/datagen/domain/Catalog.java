package io.cairn.datagen.domain;

import io.cairn.datagen.engine.Period;
import io.cairn.datagen.engine.Rng;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** A tenant's products and variants, small enough to keep in memory; every order line points at one. */
public final class Catalog {
    private static final String[] SIZES = {"S", "M", "L", "XL"};
    private static final String[] COLOURS = {"Black", "White", "Blue", "Green", "Red"};
    private static final String[] CENTS = {"00", "99", "50", "95"};
    private static final String DEFAULT_TITLE = "Default Title";

    private final List<Product> products;
    private final List<Variant> variants;

    private Catalog(List<Product> products) {
        this.products = List.copyOf(products);
        List<Variant> all = new ArrayList<>();
        products.forEach(p -> all.addAll(p.variants()));
        this.variants = List.copyOf(all);
    }

    public static Catalog create(long seed, int tenant, String tenantId, Period period, int productCount) {
        requireNonNull(tenantId, "tenantId is null");
        Theme theme = Theme.values()[tenant % Theme.values().length];
        String prefix = tenantId.replace("_", "").substring(0, 3).toUpperCase(Locale.ROOT);
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < productCount; p++) {
            products.add(product(Rng.of(seed, tenant, Rng.key("product"), p), tenant, p, theme, prefix, period));
        }
        return new Catalog(products);
    }

    private static Product product(Rng rng, int tenant, int p, Theme theme, String prefix, Period period) {
        String noun = theme.nouns.get(p % theme.nouns.size());
        String title = Names.ADJECTIVES[(p / theme.nouns.size()) % Names.ADJECTIVES.length] + " " + noun;
        long productId = 7_000_000_000_000L + tenant * 100_000_000L + p * 10L;
        BigDecimal price = new BigDecimal(rng.between(theme.minPrice, theme.maxPrice) + "." + rng.pick(CENTS));
        String[] options = rng.chance(0.5) ? SIZES : COLOURS;
        int count = rng.between(1, 4);
        List<Variant> variants = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            String option = count == 1 ? DEFAULT_TITLE : options[v];
            String code = count == 1 ? "STD" : option.substring(0, Math.min(3, option.length())).toUpperCase(Locale.ROOT);
            String sku = String.format(Locale.ROOT, "%s-%03d-%s", prefix, p, code);
            BigDecimal variantPrice = "XL".equals(option) ? price.add(new BigDecimal("5.00")) : price;
            BigDecimal cost = Money.round(variantPrice.multiply(BigDecimal.valueOf(35 + rng.nextInt(25), 2)));
            long offset = tenant * 100_000_000L + p * 10L + v;
            variants.add(new Variant(p, v + 1, 40_000_000_000_000L + offset, 42_000_000_000_000L + offset, sku,
                    option, variantPrice, cost, 50 + 10 * rng.nextInt(100)));
        }
        String handle = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        long created = period.at(-rng.between(30, 900), rng.between(8 * 3600, 18 * 3600));
        return new Product(p, productId, title, handle, rng.pick(theme.types), theme.vendor,
                rng.chance(0.3) ? "bestseller" : "", created, variants);
    }

    public List<Product> products() {
        return products;
    }

    public List<Variant> variants() {
        return variants;
    }

    public Product product(Variant variant) {
        return products.get(variant.productIndex());
    }

    /** How a variant is named on receipts: the product title, plus the option unless it is the only one. */
    public String label(Variant variant) {
        String title = product(variant).title();
        return variant.title().equals(DEFAULT_TITLE) ? title : title + " - " + variant.title();
    }

    /** A variant for an order line; a few bestsellers sell most. */
    public Variant pick(Rng rng) {
        return variants.get(rng.skewed(variants.size(), 1.7));
    }
}
