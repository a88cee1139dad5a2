package io.cairn.core.schedule;

import io.cairn.core.config.ControlPlaneSettings;

import java.util.concurrent.atomic.AtomicInteger;

/** Schedules on an in-memory H2 control plane (the single-node default). */
class H2SchedulerTest extends SchedulerContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:mem:schedules_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }
}
