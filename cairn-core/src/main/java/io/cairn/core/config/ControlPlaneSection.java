package io.cairn.core.config;

import java.nio.file.Path;
import java.util.Set;

/** Reads the {@code control_plane:} section of {@code cairn.yml}. */
final class ControlPlaneSection {
    private static final Set<String> KEYS = Set.of("url", "user", "password");
    private static final String[] H2_FILE_PREFIXES = {"jdbc:h2:file:", "jdbc:h2:"};

    private ControlPlaneSection() {
    }

    static ControlPlaneSettings read(YamlMapping section, Path projectDir) {
        section.allowOnly(KEYS);
        String url = section.string("url").map(value -> resolveH2Url(value, projectDir))
                .orElseGet(() -> defaultUrl(projectDir));
        if (!url.startsWith("jdbc:")) {
            throw section.require("url").error("expected a JDBC url such as jdbc:postgresql://host:5432/cairn, found '%s'",
                    url);
        }
        return new ControlPlaneSettings(url, section.string("user").orElse(null),
                section.string("password").orElse(null));
    }

    static String defaultUrl(Path projectDir) {
        return "jdbc:h2:file:" + projectDir.resolve(".cairn").resolve("control");
    }

    /** Resolves a relative ({@code ./} or {@code ../}) H2 file path against the project folder; other urls pass. */
    static String resolveH2Url(String url, Path projectDir) {
        for (String prefix : H2_FILE_PREFIXES) {
            if (url.startsWith(prefix)) {
                String rest = url.substring(prefix.length());
                if (!rest.startsWith("./") && !rest.startsWith("../")) {
                    return url;
                }
                int options = rest.indexOf(';');
                String file = options < 0 ? rest : rest.substring(0, options);
                String suffix = options < 0 ? "" : rest.substring(options);
                return prefix + projectDir.resolve(file).normalize() + suffix;
            }
        }
        return url;
    }
}
