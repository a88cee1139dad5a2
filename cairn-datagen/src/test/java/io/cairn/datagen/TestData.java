package io.cairn.datagen;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/** One generation shared by the test classes of a run (generating is the slow part), deleted at exit. */
final class TestData {
    static final GeneratorOptions OPTIONS = new GeneratorOptions(3, 16, 7, LocalDate.of(2024, 3, 4));
    private static Path root;
    private static GenerationSummary summary;

    private TestData() {
    }

    static synchronized GenerationSummary summary() {
        if (summary == null) {
            try {
                root = Files.createTempDirectory("cairn-datagen-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            summary = new Generator(OPTIONS).generate(root.resolve("inbox"), root.resolve("truth"));
        }
        return summary;
    }

    static JsonNode truth(String tenant) {
        summary();
        return TestHelper.readJson(root.resolve("truth").resolve(tenant + ".json"));
    }

    static Path streamDir(String tenant, String stream) {
        summary();
        return root.resolve("inbox").resolve(tenant).resolve(stream);
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
