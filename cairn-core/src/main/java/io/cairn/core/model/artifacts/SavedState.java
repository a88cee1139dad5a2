package io.cairn.core.model.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.core.model.graph.Node;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** The node checksums of a previously written manifest, answering {@code state:modified}. */
public final class SavedState {
    private final Map<String, String> checksums;

    private SavedState(Map<String, String> checksums) {
        this.checksums = Map.copyOf(checksums);
    }

    /** Reads {@code <dir>/manifest.json}. */
    public static SavedState read(Path dir) {
        Path file = dir.resolve("manifest.json");
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            Map<String, String> checksums = new HashMap<>();
            for (String section : new String[] {"nodes", "sources"}) {
                root.path(section).fields().forEachRemaining(e -> checksums.put(e.getKey(),
                        e.getValue().path("checksum").path("checksum").asText("")));
            }
            return new SavedState(checksums);
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot read state %s: %s", file, e.getMessage());
        }
    }

    /** True when the node is new or its checksum changed. */
    public boolean modified(Node node) {
        String old = checksums.get(node.uniqueId());
        return old == null || !old.equals(Checksums.of(node));
    }
}
