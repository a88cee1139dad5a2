package io.cairn.warehouse.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Warehouse folders for tests, deleted when the test JVM exits. Not JUnit temporary folders: the shared Spark context
 * outlives a closed test warehouse, and what it still holds of its catalog database may write into the folder while
 * JUnit deletes it, which fails the test.
 */
final class SparkTestFolders {
    private static final Path ROOT = create();

    private SparkTestFolders() {}

    /** A new, empty folder. */
    static Path newFolder() {
        try {
            return Files.createTempDirectory(ROOT, "warehouse");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create() {
        try {
            Path root = Files.createTempDirectory("cairn-spark-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root), "cairn-spark-test-folders"));
            return root;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException e) {
            // Best effort at JVM exit: the folder is under the system's temporary directory.
        }
    }
}
