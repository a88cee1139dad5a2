package io.cairn.core.sync;

import io.cairn.spi.source.Checkpoint;

/** Hooks between the durable steps of a connector sync; tests throw from them to simulate a crash. */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {};

    /** A raw file of the stream was closed and recorded as {@code STAGED}, not yet landed. */
    default void afterStaged(String stream, String loadId) {}

    /** A load of the stream landed; its checkpoint is not saved yet. */
    default void afterLanded(String stream, String loadId) {}

    /** A checkpoint was saved. */
    default void afterCheckpointSaved(String stream, Checkpoint checkpoint) {}
}
