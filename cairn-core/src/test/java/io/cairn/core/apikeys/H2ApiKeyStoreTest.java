package io.cairn.core.apikeys;

import io.cairn.core.config.ControlPlaneSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The API key store on an embedded H2 file. */
class H2ApiKeyStoreTest extends ApiKeyStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
    }
}
