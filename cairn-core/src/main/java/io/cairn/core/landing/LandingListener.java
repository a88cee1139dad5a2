package io.cairn.core.landing;

import io.cairn.spi.raw.LoadResult;

/** Hooks into the landing sequence; tests use them to simulate a crash between two durable steps. */
public interface LandingListener {
    LandingListener NONE = new LandingListener() {};

    /** Called after a load committed in the warehouse and before the control plane records it. */
    default void afterWarehouseCommit(String loadId, LoadResult result) {}
}
