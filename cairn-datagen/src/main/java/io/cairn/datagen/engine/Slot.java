package io.cairn.datagen.engine;

/**
 * One base record of a stream: its index (from which the record is regenerated), its creation instant, the
 * local day of the period whose file receives it (0 for dimension records that predate the period), and the
 * creation instant of the record it follows (a refund's order), or its own time.
 */
public record Slot(long index, long time, int day, long origin) {
    public Slot(long index, long time, int day) {
        this(index, time, day, time);
    }

    /** The slot of the record this one derives from (same index, created at {@link #origin()}). */
    public Slot parent(Period period) {
        return new Slot(index, origin, period.dayOf(origin));
    }
}
