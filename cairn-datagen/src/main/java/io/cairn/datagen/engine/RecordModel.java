package io.cairn.datagen.engine;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One stream's record generator. Records are pure functions of (tenant, slot, version), so the engine can
 * regenerate any of them later instead of keeping them in memory.
 */
public interface RecordModel {
    StreamSpec spec();

    /** The base records in non-decreasing {@link Slot#day()} order. */
    Iterator<Slot> slots();

    /**
     * The record for a slot. Version 0 is the original; version 1 is a later change made at {@code versionTime}
     * (its change-time field equals that instant). Field order is insertion order.
     */
    Map<String, Object> render(Slot slot, int version, long versionTime);

    /** The CSV header of the given chunk's file; only CSV streams implement it. */
    default List<String> columns(int chunk) {
        throw new UnsupportedOperationException("not a CSV stream: " + spec().key());
    }

    /** Called once per slot with the record's final version (as written), to feed the ground truth. */
    default void onFinal(Slot slot, Map<String, Object> finalRecord) {
    }
}
