package io.cairn.core.access;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.config.ControlPlaneSettings;

class H2AccessGrantsTest extends AccessGrantsContractTest {
    @TempDir
    Path dir;

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
    }
}
