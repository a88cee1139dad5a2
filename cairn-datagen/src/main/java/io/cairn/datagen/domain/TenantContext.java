package io.cairn.datagen.domain;

import io.cairn.datagen.TenantProfile;
import io.cairn.datagen.engine.Period;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.truth.TruthBook;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Everything the streams of one tenant share: profile, period, size, catalog, customers, stores, and the
 * ground-truth book they all add to.
 *
 * @param scale volume relative to a small tenant (about 10 for the first tenant)
 */
public record TenantContext(
        TenantProfile profile,
        int index,
        long seed,
        Period period,
        double scale,
        TenantLocale locale,
        Catalog catalog,
        CustomerPool customers,
        List<Store> stores,
        TruthBook truth) {
    public TenantContext {
        requireNonNull(profile, "profile is null");
        requireNonNull(period, "period is null");
        requireNonNull(locale, "locale is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(customers, "customers is null");
        stores = List.copyOf(requireNonNull(stores, "stores is null"));
        requireNonNull(truth, "truth is null");
    }

    public static TenantContext create(TenantProfile profile, int index, long seed, LocalDate start, int days,
                                       double scale) {
        Period period = new Period(start, days, ZoneId.of(profile.timezone()));
        TenantLocale locale = TenantLocale.forCurrency(profile.currency());
        Catalog catalog = Catalog.create(seed, index, profile.id(), period, scale >= 5 ? 60 : 24);
        int customers = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(40, 45 * scale * days / 3));
        CustomerPool pool = new CustomerPool(seed, index, period, locale, customers);
        return new TenantContext(profile, index, seed, period, scale, locale, catalog, pool,
                stores(index, profile.name(), locale, scale), new TruthBook(profile));
    }

    private static List<Store> stores(int tenant, String brand, TenantLocale locale, double scale) {
        List<Store> out = new ArrayList<>();
        out.add(new Store("WH01", brand + " Warehouse", 60_000_000_000L + tenant * 1000L, 0));
        int count = scale >= 5 ? 3 : 2;
        for (int i = 0; i < count; i++) {
            City city = locale.cities().get(i % locale.cities().size());
            out.add(new Store(String.format(Locale.ROOT, "S%02d", i + 1), brand + " " + city.name(),
                    60_000_000_000L + tenant * 1000L + i + 1, 2 + i % 2));
        }
        return out;
    }

    /** A generator keyed by this tenant, a stream and a purpose. */
    public Rng rng(String stream, long record, long purpose) {
        return Rng.of(seed, index, Rng.key(stream), record, purpose);
    }

    public List<Store> shops() {
        return stores.stream().filter(s -> !s.isWarehouse()).toList();
    }
}
