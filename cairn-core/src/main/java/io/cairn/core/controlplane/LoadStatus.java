package io.cairn.core.controlplane;

/**
 * Where a load stands: {@code MOVING} (its file is being written to the raw zone), {@code STAGED} (the raw file is
 * complete and awaits landing), {@code LANDED} (in the warehouse, figures recorded) or {@code FAILED}.
 */
public enum LoadStatus {
    MOVING,
    STAGED,
    LANDED,
    FAILED;

    /** True for {@code MOVING} and {@code STAGED}: the load still has work to do. */
    public boolean isUnfinished() {
        return this == MOVING || this == STAGED;
    }
}
