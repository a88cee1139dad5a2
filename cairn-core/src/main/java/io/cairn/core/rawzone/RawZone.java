package io.cairn.core.rawzone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;

import static java.util.Objects.requireNonNull;

/**
 * The folders under the project's root: {@code inbox/<tenant>/<source>/<stream>/} where file drops arrive, and
 * {@code raw/<tenant>/<source>/<stream>/ingest_date=YYYY-MM-DD/<load_id>.<ext>} with a {@code <load_id>._SUCCESS}
 * marker, where each load's file lives, immutable, once it has been taken in.
 *
 * <p>A drop is complete when its folder holds a {@code _SUCCESS} file: the producer writes its data files first
 * and the marker last. Every data file of such a folder becomes one load. Names starting with {@code _} or
 * {@code .} are never data.
 */
public final class RawZone {
    public static final String SUCCESS = "_SUCCESS";
    private static final Logger LOG = LoggerFactory.getLogger(RawZone.class);

    private final Path root;

    public RawZone(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path inbox(TenantId tenant, String source) {
        return root.resolve("inbox").resolve(tenant.value()).resolve(source);
    }

    public Path rawFolder(TenantId tenant, String source) {
        return root.resolve("raw").resolve(tenant.value()).resolve(source);
    }

    /** Data files of the complete drops of one tenant's source, per stream folder, in name order. */
    public List<InboxFile> completeDrops(TenantId tenant, String source) {
        Path sourceInbox = inbox(tenant, source);
        if (!Files.isDirectory(sourceInbox)) {
            return List.of();
        }
        List<InboxFile> files = new ArrayList<>();
        for (Path streamDir : children(sourceInbox, Files::isDirectory)) {
            String stream = streamDir.getFileName().toString();
            try (Stream<Path> walk = Files.walk(streamDir)) {
                walk.filter(path -> Files.isRegularFile(path) && path.getFileName().toString().equals(SUCCESS))
                        .map(Path::getParent)
                        .sorted()
                        .forEach(dropDir -> files.addAll(dataFiles(tenant, source, stream, dropDir)));
            }
            catch (IOException e) {
                throw ioFailure("scan inbox folder " + streamDir, e);
            }
        }
        return files;
    }

    /** The path a load's file takes in the raw zone. */
    public Path rawPath(InboxFile file, String loadId, LocalDate ingestDate) {
        return rawFolder(file.tenant(), file.source()).resolve(file.stream())
                .resolve("ingest_date=" + ingestDate)
                .resolve(loadId + "." + file.format().extension());
    }

    /** The marker that closes a load's raw file. */
    public static Path successMarker(Path rawFile) {
        String name = rawFile.getFileName().toString();
        return rawFile.resolveSibling(name.substring(0, name.lastIndexOf('.')) + "." + SUCCESS);
    }

    /**
     * Moves an inbox file to its raw path (an atomic rename when both are on one file system) and writes the
     * marker that closes it. Safe to call again after a crash: a file already moved is only closed.
     */
    public void takeIn(Path inboxPath, Path rawPath) {
        try {
            Files.createDirectories(rawPath.getParent());
            if (Files.exists(inboxPath)) {
                move(inboxPath, rawPath);
            }
            else if (!Files.exists(rawPath)) {
                throw new CairnException(ErrorCode.IO, "Cannot take in %s: it is neither in the inbox nor at %s",
                        inboxPath, rawPath);
            }
            Path marker = successMarker(rawPath);
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        }
        catch (IOException e) {
            throw ioFailure("move " + inboxPath + " to " + rawPath, e);
        }
    }

    /** Removes a drop folder's {@code _SUCCESS} once no data file is left in it. */
    public void closeEmptyDrops(TenantId tenant, String source) {
        Path sourceInbox = inbox(tenant, source);
        if (!Files.isDirectory(sourceInbox)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(sourceInbox)) {
            for (Path marker : walk.filter(path -> path.getFileName().toString().equals(SUCCESS)).toList()) {
                if (children(marker.getParent(), path -> isData(path)).isEmpty()) {
                    Files.deleteIfExists(marker);
                }
            }
        }
        catch (IOException e) {
            throw ioFailure("tidy inbox " + sourceInbox, e);
        }
    }

    private List<InboxFile> dataFiles(TenantId tenant, String source, String stream, Path dropDir) {
        List<InboxFile> files = new ArrayList<>();
        for (Path path : children(dropDir, RawZone::isData)) {
            Optional<FileFormat> format = FileFormat.fromFileName(path.getFileName().toString());
            if (format.isEmpty()) {
                LOG.warn("Skipping {} in the inbox of tenant {} source {}: not .jsonl, .ndjson, .json or .csv",
                        path, tenant, source);
                continue;
            }
            files.add(new InboxFile(tenant, source, stream, path, format.get(), size(path)));
        }
        return files;
    }

    private static boolean isData(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && !name.startsWith("_") && !name.startsWith(".");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            Path partial = to.resolveSibling("." + to.getFileName() + ".partial");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(from);
        }
    }

    private static List<Path> children(Path dir, java.util.function.Predicate<Path> filter) {
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (filter.test(entry)) {
                    result.add(entry);
                }
            }
        }
        catch (IOException e) {
            throw ioFailure("list " + dir, e);
        }
        result.sort(Comparator.comparing(Path::toString));
        return result;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CairnException ioFailure(String what, IOException e) {
        return new CairnException(ErrorCode.IO, e, "Cannot %s: %s", what, e.getMessage());
    }
}
