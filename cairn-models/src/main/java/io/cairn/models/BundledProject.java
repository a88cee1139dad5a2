package io.cairn.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The bundled retail and finance project (dbt format), shipped as class-path resources under
 * {@code cairn-models/}. {@link #extractTo(Path)} writes it to a folder the model engine can load.
 */
public final class BundledProject {
    /** Resource folder of the project inside the jar (or {@code target/classes}). */
    public static final String ROOT = "cairn-models";

    private BundledProject() {}

    /** Copies every project file into {@code dir} (created when missing, files replaced) and returns {@code dir}. */
    public static Path extractTo(Path dir) {
        requireNonNull(dir, "dir is null");
        URL marker = BundledProject.class.getClassLoader().getResource(ROOT + "/dbt_project.yml");
        if (marker == null) {
            throw new IllegalStateException("Cannot extract the bundled project: " + ROOT
                    + "/dbt_project.yml is not on the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = jarFileSystem(uri)) {
                    copyTree(jar.getPath("/" + ROOT), dir);
                }
            } else {
                copyTree(Path.of(uri).getParent(), dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the bundled project to " + dir + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot extract the bundled project: bad resource URI " + marker, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else holds the jar open; read through a private file system on the same jar file.
            String jar = uri.getSchemeSpecificPart();
            return FileSystems.newFileSystem(Path.of(URI.create(jar.substring(0, jar.indexOf("!/")))));
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
