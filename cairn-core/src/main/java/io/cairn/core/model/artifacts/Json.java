package io.cairn.core.model.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** JSON writing shared by the artifact writers. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static Map<String, Object> metadata(String schema, String invocationId, Instant generatedAt, String project) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("dbt_schema_version", schema);
        metadata.put("dbt_version", "1.9.0");
        metadata.put("generated_at", generatedAt.toString());
        metadata.put("invocation_id", invocationId);
        metadata.put("project_name", project);
        metadata.put("adapter_type", "cairn");
        return metadata;
    }

    static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot write %s: %s", file, e.getMessage());
        }
    }
}
