package io.cairn.datagen.engine;

/**
 * The defects chosen for one base record.
 *
 * @param kind the exclusive defect kind
 * @param chunk the chunk whose file receives the deferred line (duplicate, update or late record)
 * @param time the instant the deferred line is written at; for updates, the new change time
 * @param unknownCurrency a non-ISO code written in the currency field of every version, or null
 * @param cut where a malformed line is broken, as a fraction of its length
 */
public record DefectPlan(DefectKind kind, int chunk, long time, String unknownCurrency, double cut) {
    public boolean deferred() {
        return kind == DefectKind.DUPLICATE_SAME_FILE || kind == DefectKind.DUPLICATE_LATER_FILE
                || kind == DefectKind.UPDATE || kind == DefectKind.LATE;
    }

    /** The version that is final once everything is written. */
    public int finalVersion() {
        return kind == DefectKind.UPDATE ? 1 : 0;
    }
}
