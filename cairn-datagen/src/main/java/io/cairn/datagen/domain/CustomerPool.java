package io.cairn.datagen.domain;

import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.Period;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

import static java.util.Objects.requireNonNull;

/**
 * A tenant's customers: the first half exist before the period, the rest sign up evenly through it. Every
 * person is a pure function of its index, so orders, CRM rows and QuickBooks entries agree on who they are.
 */
public final class CustomerPool {
    private static final long PERSON = Rng.key("person");
    private final long seed;
    private final int tenant;
    private final Period period;
    private final TenantLocale locale;
    private final int size;
    private final int backfill;

    public CustomerPool(long seed, int tenant, Period period, TenantLocale locale, int size) {
        this.seed = seed;
        this.tenant = tenant;
        this.period = requireNonNull(period, "period is null");
        this.locale = requireNonNull(locale, "locale is null");
        this.size = Math.max(4, size);
        this.backfill = this.size / 2;
    }

    public int size() {
        return size;
    }

    /** The local day a customer signs up on; negative before the period. */
    public int createdDay(long index) {
        if (index < backfill) {
            return (int) (-1 - Rng.of(seed, tenant, PERSON, index, 1).nextInt(700));
        }
        return (int) ((index - backfill) * period.days() / (size - backfill));
    }

    /** Customers signed up before the given local day starts. */
    public int availableBefore(int day) {
        long late = size - backfill;
        long count = ((long) Math.max(0, day) * late + period.days() - 1) / period.days();
        return (int) (backfill + Math.min(late, count));
    }

    /** A customer for a purchase on the given day; regulars come back more often. */
    public long pick(Rng rng, int day) {
        return rng.skewed(availableBefore(day), 1.8);
    }

    public Person person(long index) {
        Rng rng = Rng.of(seed, tenant, PERSON, index);
        String first = rng.pick(Names.FIRST);
        String last = rng.pick(Names.LAST);
        String email = String.format(Locale.ROOT, "%s.%s%d@%s", first, last, index, rng.pick(Names.DOMAINS))
                .toLowerCase(Locale.ROOT);
        String phone = locale.phonePrefix() + String.format(Locale.ROOT, "%03d-%04d", rng.nextInt(1000),
                rng.nextInt(10_000));
        String address = (1 + rng.nextInt(220)) + " " + rng.pick(Names.STREETS);
        City city = rng.pick(locale.cities());
        String zip = city.zipPrefix() + String.format(Locale.ROOT, "%02d", rng.nextInt(100));
        long created = period.at(createdDay(index), DayShape.WEB.secondOfDay(rng));
        return new Person(index, first, last, email, phone, address, city, zip, rng.chance(0.4), created);
    }

    /** One slot per customer in sign-up order; those that predate the period go to the first file. */
    public Iterator<Slot> slots() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Slot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long index = next++;
                Person person = person(index);
                return new Slot(index, person.createdAt(), Math.max(0, createdDay(index)));
            }
        };
    }
}
