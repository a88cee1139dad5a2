package io.cairn.core.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * A file or folder tree of one tenant (its raw zone, its inbox, its published copy) and what it holds.
 *
 * @param path the file or folder
 * @param files the regular files in it (1 for a file, 0 when absent)
 * @param bytes their total size
 */
public record TenantFiles(Path path, long files, long bytes) {
    /** What {@code path} holds now. */
    static TenantFiles measure(Path path) {
        if (!Files.exists(path)) {
            return new TenantFiles(path, 0, 0);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            long[] totals = new long[2];
            walk.filter(Files::isRegularFile).forEach(file -> {
                totals[0]++;
                totals[1] += size(file);
            });
            return new TenantFiles(path, totals[0], totals[1]);
        }
        catch (IOException | UncheckedIOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot measure %s: %s", path, e.getMessage());
        }
    }

    /** Deletes a file or folder tree; deepest entries first, so a crash leaves a smaller tree to rerun on. */
    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> entries = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path entry : entries) {
                Files.delete(entry);
            }
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot delete %s: %s", path, e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
