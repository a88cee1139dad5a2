package io.cairn.core.orchestrate;

import io.cairn.core.config.ControlPlaneSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The pipeline run history on an embedded H2 file, the default. */
class H2PipelineRunStoreTest extends PipelineRunStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
    }
}
