package io.cairn.datagen.engine;

import io.cairn.spi.raw.FileFormat;

import static java.util.Objects.requireNonNull;

/**
 * Chooses each record's defects from (seed, tenant, stream, index) alone, so that other streams (refunds need
 * the final version of their order) can ask for the same plan again.
 */
public final class DefectPlanner {
    public static final double DUPLICATE_RATE = 0.010;
    public static final double UPDATE_RATE = 0.030;
    public static final double LATE_RATE = 0.020;
    public static final double MALFORMED_RATE = 0.005;
    public static final double MISSING_ID_RATE = 0.003;
    public static final double UNKNOWN_CURRENCY_RATE = 0.005;
    private static final String[] UNKNOWN_CODES = {"ZZZ", "QQQ", "XBT", "US$"};
    private static final long SALT = Rng.key("defects");

    private final long seed;
    private final int tenant;
    private final StreamSpec spec;
    private final Period period;
    private final boolean enabled;

    public DefectPlanner(long seed, int tenant, StreamSpec spec, Period period, boolean enabled) {
        this.seed = seed;
        this.tenant = tenant;
        this.spec = requireNonNull(spec, "spec is null");
        this.period = requireNonNull(period, "period is null");
        this.enabled = enabled;
    }

    public DefectPlan plan(Slot slot) {
        if (!enabled) {
            return new DefectPlan(DefectKind.NONE, 0, 0, null, 0);
        }
        Rng rng = Rng.of(seed, tenant, Rng.key(spec.key()), slot.index(), SALT);
        double roll = rng.nextDouble();
        String currency = spec.hasCurrency() && rng.chance(UNKNOWN_CURRENCY_RATE) ? rng.pick(UNKNOWN_CODES) : null;
        double cut = 0.3 + 0.5 * rng.nextDouble();
        int chunk = Period.chunkOf(slot.day());
        double limit = DUPLICATE_RATE;
        if (roll < limit) {
            return duplicate(slot, rng, chunk, currency, cut);
        }
        if (roll < (limit += UPDATE_RATE)) {
            return update(slot, rng, chunk, currency, cut);
        }
        if (roll < (limit += LATE_RATE)) {
            return late(slot, rng, chunk, currency, cut);
        }
        if (roll < (limit += MALFORMED_RATE)) {
            DefectKind kind = spec.format() == FileFormat.JSON_ARRAY ? DefectKind.NONE : DefectKind.MALFORMED;
            return new DefectPlan(kind, chunk, slot.time(), currency, cut);
        }
        if (roll < limit + MISSING_ID_RATE) {
            return new DefectPlan(DefectKind.MISSING_ID, chunk, slot.time(), currency, cut);
        }
        return new DefectPlan(DefectKind.NONE, chunk, slot.time(), currency, cut);
    }

    private DefectPlan duplicate(Slot slot, Rng rng, int chunk, String currency, double cut) {
        if (!spec.transactional()) {
            return new DefectPlan(DefectKind.NONE, chunk, slot.time(), currency, cut);
        }
        int laterDay = Period.nextChunkStart(slot.day()) + rng.nextInt(2);
        boolean later = spec.format() != FileFormat.CSV && rng.chance(0.5) && laterDay < period.days();
        if (later) {
            return new DefectPlan(DefectKind.DUPLICATE_LATER_FILE, Period.chunkOf(laterDay),
                    period.at(laterDay, rng.between(0, 86_399)), currency, cut);
        }
        return new DefectPlan(DefectKind.DUPLICATE_SAME_FILE, chunk, slot.time() + rng.between(1, 5_400),
                currency, cut);
    }

    private DefectPlan update(Slot slot, Rng rng, int chunk, String currency, double cut) {
        int day = Math.max(slot.day() + rng.between(1, 6), Period.nextChunkStart(slot.day()) + rng.nextInt(3));
        if (!spec.updatable() || day >= period.days()) {
            return new DefectPlan(DefectKind.NONE, chunk, slot.time(), currency, cut);
        }
        long time = period.at(day, rng.between(7 * 3600, 22 * 3600));
        return new DefectPlan(DefectKind.UPDATE, Period.chunkOf(day), time, currency, cut);
    }

    private DefectPlan late(Slot slot, Rng rng, int chunk, String currency, double cut) {
        int day = Math.max(slot.day() + 2, Period.nextChunkStart(slot.day())) + rng.nextInt(2);
        if (!spec.transactional() || day >= period.days()) {
            return new DefectPlan(DefectKind.NONE, chunk, slot.time(), currency, cut);
        }
        return new DefectPlan(DefectKind.LATE, Period.chunkOf(day), period.at(day, rng.between(0, 86_399)),
                currency, cut);
    }
}
