package io.cairn.datagen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    private static final GeneratorOptions SMALL = new GeneratorOptions(2, 8, 42, LocalDate.of(2024, 1, 1));

    @TempDir
    Path dir;

    @Test
    void sameOptionsGiveByteIdenticalFiles() throws Exception {
        new Generator(SMALL).generate(dir.resolve("a/inbox"), dir.resolve("a/truth"));
        new Generator(SMALL).generate(dir.resolve("b/inbox"), dir.resolve("b/truth"));
        Map<String, String> a = digests(dir.resolve("a"));
        assertThat(a).hasSizeGreaterThan(50);
        assertThat(digests(dir.resolve("b"))).isEqualTo(a);
    }

    @Test
    void anotherSeedGivesOtherFilesInTheSameLayout() throws Exception {
        new Generator(SMALL).generate(dir.resolve("a/inbox"), dir.resolve("a/truth"));
        GeneratorOptions other = new GeneratorOptions(2, 8, 43, SMALL.startDate());
        new Generator(other).generate(dir.resolve("b/inbox"), dir.resolve("b/truth"));
        Map<String, String> a = digests(dir.resolve("a"));
        Map<String, String> b = digests(dir.resolve("b"));
        assertThat(folders(b)).as("same tenants, sources and streams").isEqualTo(folders(a));
        assertThat(b.get("inbox/acme/shopify/orders/orders-001.jsonl"))
                .isNotEqualTo(a.get("inbox/acme/shopify/orders/orders-001.jsonl"));
        assertThat(b.get("truth/acme.json")).isNotEqualTo(a.get("truth/acme.json"));
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static Set<String> folders(Map<String, String> files) {
        return files.keySet().stream().map(f -> f.substring(0, f.lastIndexOf('/'))).collect(Collectors.toSet());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
