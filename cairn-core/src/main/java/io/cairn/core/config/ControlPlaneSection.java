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
        String url = shared(section.string("url").map(value -> resolveH2Url(value, projectDir))
                .orElseGet(() -> defaultUrl(projectDir)));
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

    /**
     * An embedded H2 file opened in H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}) unless the url sets it: the
     * first process to open the file serves it to the others, so {@code cairn serve} and any other command can use
     * the control plane at the same time (without it the second process finds the file locked). Other urls pass.
     */
    static String shared(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        boolean embeddedFile = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
        return embeddedFile && !lower.contains("auto_server=") ? url + ";AUTO_SERVER=TRUE" : url;
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
