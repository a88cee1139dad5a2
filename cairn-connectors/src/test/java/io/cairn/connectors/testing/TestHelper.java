package io.cairn.connectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;

/** Static helpers of the connector tests: the shared fixtures and JSON shortcuts. */
public final class TestHelper {
    private TestHelper() {}

    /** {@code shared/fixtures/external}, found by walking up from the working directory. */
    public static Path externalFixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures").resolve("external");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find shared/fixtures/external above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode readFixture(String relative) {
        try {
            return Json.MAPPER.readTree(externalFixtures().resolve(relative).toFile());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a JSONL fixture, parsed. */
    public static List<JsonNode> readJsonLines(String relative) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(externalFixtures().resolve(relative))) {
                if (!line.isBlank()) {
                    lines.add(Json.MAPPER.readTree(line));
                }
            }
            return lines;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }
}
