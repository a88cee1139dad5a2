package io.cairn.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads generated files independently of the generator, the way a landing job would. */
final class TestHelper {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One line, element or row of a data file. */
    record Parsed(int file, String id, Object content, boolean dead, String raw) {
    }

    private TestHelper() {
    }

    /** The {@code shared/fixtures} folder, found by walking up from the working directory. */
    static Path sharedFixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures above " + Path.of("").toAbsolutePath());
    }

    static JsonNode readJson(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> dataFiles(Path streamDir) {
        try (Stream<Path> files = Files.list(streamDir)) {
            return files.filter(f -> !f.getFileName().toString().equals("_SUCCESS")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of a stream folder, with dead-letter status decided from the text alone. */
    static List<Parsed> read(Path streamDir, List<String> idFields) {
        List<Parsed> out = new ArrayList<>();
        List<Path> files = dataFiles(streamDir);
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            if (name.endsWith(".jsonl")) {
                readJsonl(files.get(i), i, idFields, out);
            } else if (name.endsWith(".json")) {
                for (JsonNode node : (ArrayNode) readJson(files.get(i))) {
                    out.add(parsedJson(i, node, idFields, node.toString()));
                }
            } else {
                readCsv(files.get(i), i, idFields, out);
            }
        }
        return out;
    }

    private static void readJsonl(Path file, int index, List<String> idFields, List<Parsed> out) {
        for (String line : lines(file)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parsedJson(index, MAPPER.readTree(line), idFields, line));
            } catch (IOException e) {
                out.add(new Parsed(index, null, null, true, line));
            }
        }
    }

    private static Parsed parsedJson(int file, JsonNode node, List<String> idFields, String raw) {
        List<String> parts = new ArrayList<>();
        for (String field : idFields) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || value.asText().isEmpty()) {
                return new Parsed(file, null, node, true, raw);
            }
            parts.add(value.asText());
        }
        return new Parsed(file, String.join(":", parts), node, false, raw);
    }

    private static void readCsv(Path file, int index, List<String> idFields, List<Parsed> out) {
        List<String> lines = lines(file);
        List<String> header = splitCsv(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> values = splitCsv(line);
            if (values.size() != header.size()) {
                out.add(new Parsed(index, null, null, true, line));
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), values.get(c));
            }
            List<String> parts = idFields.stream().map(row::get).toList();
            boolean dead = parts.stream().anyMatch(String::isEmpty);
            out.add(new Parsed(index, dead ? null : String.join(":", parts), row, dead, line));
        }
    }

    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> idFields(JsonNode streamTruth) {
        List<String> out = new ArrayList<>();
        streamTruth.get("id_fields").forEach(f -> out.add(f.asText()));
        return out;
    }
}
