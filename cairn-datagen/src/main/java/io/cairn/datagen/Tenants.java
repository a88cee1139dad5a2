package io.cairn.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fixed tenant roster: named tenants first, then {@code tenant_NNN}. Sizes, zones and sources differ. */
final class Tenants {
    private record Base(String id, String name, String timezone, String currency) {
    }

    private static final List<Base> NAMED = List.of(
            new Base("acme", "Acme Outdoor", "America/New_York", "USD"),
            new Base("globex", "Globex Home", "Europe/Berlin", "EUR"),
            new Base("initech", "Initech Office Supply", "Europe/London", "GBP"),
            new Base("umbrella", "Umbrella Pharmacy", "America/Toronto", "CAD"),
            new Base("hooli", "Hooli Gadgets", "Australia/Sydney", "AUD"),
            new Base("stark", "Stark Outfitters", "America/Chicago", "USD"),
            new Base("wayne", "Wayne Living", "Europe/Paris", "EUR"),
            new Base("wonka", "Wonka Stationery", "Europe/London", "GBP"));

    private Tenants() {
    }

    static TenantProfile profile(int index) {
        if (index < NAMED.size()) {
            Base b = NAMED.get(index);
            return new TenantProfile(b.id(), b.name(), b.timezone(), b.currency(), sources(index));
        }
        Base b = NAMED.get(index % 5);
        String number = String.format(Locale.ROOT, "%03d", index);
        return new TenantProfile("tenant_" + number, "Tenant " + number, b.timezone(), b.currency(), sources(index));
    }

    /** Every tenant has Shopify and QuickBooks; the others vary so that each source is exercised in the demo. */
    static List<String> sources(int index) {
        List<String> sources = new ArrayList<>(List.of("shopify", "quickbooks"));
        int kind = index % 3;
        if (kind != 1) {
            sources.add("pos");
        }
        if (kind != 2) {
            sources.add("ecommerce");
            sources.add("crm");
        }
        if (kind != 1) {
            sources.add("inventory");
        }
        return sources;
    }

    /** Volume relative to a small tenant: the first tenant is about ten times the others. */
    static double scale(int index) {
        return index == 0 ? 9.0 : 0.8 + 0.1 * (index % 5);
    }
}
