package io.cairn.warehouse.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code shared/fixtures/external} by walking up from the working directory. */
final class TestFixtures {
    private TestFixtures() {}

    static Path external(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/external");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("shared/fixtures/external not found above " + Path.of("").toAbsolutePath());
    }
}
