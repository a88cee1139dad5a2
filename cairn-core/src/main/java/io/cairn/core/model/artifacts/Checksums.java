package io.cairn.core.model.artifacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.cairn.core.model.graph.Node;

/** A node's checksum: SHA-256 of its raw code and its resolved config, so config-only edits count as changes. */
public final class Checksums {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Cloning a digest skips the provider lookup of {@code getInstance}, once per node of every manifest. */
    private static final MessageDigest SHA_256 = sha256();

    private Checksums() {}

    public static String of(Node node) {
        try {
            String config = JSON.writeValueAsString(new TreeMap<>(node.config().values()));
            String text = node.rawCode() + "\n--config--\n" + config + "\n--relation--\n" + node.displayRelation();
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (JsonProcessingException | CloneNotSupportedException e) {
            throw new IllegalStateException("Cannot checksum node " + node.uniqueId(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
