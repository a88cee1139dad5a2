package io.cairn.core.alert;

import io.cairn.core.config.ControlPlaneSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Alert state on an embedded H2 file, the default. */
class H2AlertStoreTest extends AlertStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
    }
}
