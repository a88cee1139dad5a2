package io.cairn.core.controlplane;

import io.cairn.core.config.ControlPlaneSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The model-result store on an embedded H2 file, the default. */
class H2ModelResultStoreTest extends ModelResultStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
    }
}
