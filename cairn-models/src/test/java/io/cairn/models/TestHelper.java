package io.cairn.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Static helpers for the model package tests. */
final class TestHelper {
    private static final Pattern MAPPED = Pattern.compile("set mapped = \\[(.*?)]", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private TestHelper() {}

    /** {@code ../shared/fixtures/external}, found by walking up from the working directory. */
    static Path externalFixtures() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/external");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/external not found above the working directory");
    }

    /** The payload keys a staging model maps to columns: its {@code set mapped = [...]} list. */
    static Set<String> mappedKeys(Path project, String model) {
        try {
            String sql = Files.readString(project.resolve("models/staging/" + model + ".sql"));
            Matcher list = MAPPED.matcher(sql);
            if (!list.find()) {
                throw new IllegalStateException(model + " has no mapped list");
            }
            Set<String> keys = new LinkedHashSet<>();
            Matcher quoted = QUOTED.matcher(list.group(1));
            while (quoted.find()) {
                keys.add(quoted.group(1));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
