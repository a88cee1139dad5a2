package io.cairn.warehouse.spark.tenancy;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The published copies on disk, one folder per tenant under the published folder:
 * <pre>
 * &lt;tenant&gt;/current              the name of the version readers open (replaced atomically)
 * &lt;tenant&gt;/v&lt;millis&gt;-&lt;id&gt;/        one version: an Iceberg file-system catalog (marts/..., ops/dq_results)
 * &lt;tenant&gt;/v.../source-state     what the warehouse catalog looked like when the version was read
 * </pre>
 * A version is written completely before {@code current} names it, so a reader opens the old copy or the new one,
 * whole. Versions are deleted once they are neither current, nor the one before it (a reader in another process
 * may still be on it), nor open by a reader of this process. Thread-safe.
 */
final class PublishedCopies {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedCopies.class);
    private static final String CURRENT = "current";
    private static final String SOURCE_STATE = "source-state";
    private static final int KEEP_PREVIOUS = 1;

    private final Path root;
    private final Map<Path, Integer> readers = new HashMap<>();

    /** One reader's hold on a version; {@link #release} it once. */
    record Lease(PublishedCopies copies, TenantId tenant, Path version) {
        void release() {
            copies.release(this);
        }
    }

    PublishedCopies(Path root) {
        this.root = root;
    }

    Path folder(TenantId tenant) {
        return root.resolve(tenant.value());
    }

    /** A new, empty version folder for the tenant, not yet visible to readers. */
    Path newVersion(TenantId tenant) {
        Path version = folder(tenant).resolve(String.format("v%015d-%s", System.currentTimeMillis(),
                UUID.randomUUID().toString().substring(0, 8)));
        try {
            Files.createDirectories(version);
        }
        catch (IOException e) {
            throw failure(e, "create the published copy folder %s of tenant %s", version, tenant);
        }
        return version;
    }

    /** Records the source state of a fully written version and makes it the one new readers open. */
    synchronized void switchTo(TenantId tenant, Path version, String sourceState) {
        Path pointer = folder(tenant).resolve(CURRENT);
        Path temporary = folder(tenant).resolve("." + CURRENT + "." + UUID.randomUUID());
        try {
            Files.writeString(version.resolve(SOURCE_STATE), sourceState, StandardCharsets.UTF_8);
            Files.writeString(temporary, version.getFileName().toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, pointer, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            deleteQuietly(temporary);
            throw failure(e, "switch tenant %s to its new published copy %s", tenant, version);
        }
        cleanUp(tenant);
    }

    /** The version new readers open, if the tenant was ever published. */
    synchronized Optional<Path> current(TenantId tenant) {
        try {
            String name = Files.readString(folder(tenant).resolve(CURRENT), StandardCharsets.UTF_8).strip();
            return Optional.of(folder(tenant).resolve(name));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw failure(e, "read the published copy pointer of tenant %s", tenant);
        }
    }

    /** The source state recorded with the current version; empty when never published. */
    Optional<String> currentSourceState(TenantId tenant) {
        return current(tenant).map(version -> {
            try {
                return Files.readString(version.resolve(SOURCE_STATE), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                return "";
            }
        });
    }

    /** Holds the current version open for a reader until the lease is released. */
    synchronized Lease acquire(TenantId tenant) {
        Path version = current(tenant).orElseThrow(() -> new CairnException(ErrorCode.WAREHOUSE,
                "Cannot open the published data of tenant %s: it was never published", tenant));
        readers.merge(version, 1, Integer::sum);
        return new Lease(this, tenant, version);
    }

    private synchronized void release(Lease lease) {
        readers.computeIfPresent(lease.version(), (version, count) -> count <= 1 ? null : count - 1);
        cleanUp(lease.tenant());
    }

    /** Deletes a version folder that never became current (a failed publish). */
    void discard(Path version) {
        deleteTree(version);
    }

    /** Deletes every version of the tenant; returns what was removed (empty when there was nothing). */
    synchronized List<String> remove(TenantId tenant) {
        Path folder = folder(tenant);
        if (!Files.exists(folder)) {
            return List.of();
        }
        readers.keySet().removeIf(version -> version.startsWith(folder));
        deleteTree(folder);
        return List.of(describe(tenant));
    }

    /** How {@link #remove} names the tenant's copy. */
    String describe(TenantId tenant) {
        return "published copy " + folder(tenant);
    }

    boolean exists(TenantId tenant) {
        return Files.isDirectory(folder(tenant));
    }

    private void cleanUp(TenantId tenant) {
        Optional<Path> current = current(tenant);
        List<Path> versions = versions(tenant);
        int kept = 0;
        for (Path version : versions) {
            boolean isCurrent = current.map(version::equals).orElse(false);
            if (isCurrent || readers.containsKey(version)) {
                continue;
            }
            if (current.isPresent() && version.getFileName().toString()
                    .compareTo(current.get().getFileName().toString()) < 0 && kept < KEEP_PREVIOUS) {
                kept++;
                continue;
            }
            if (current.isPresent() && version.getFileName().toString()
                    .compareTo(current.get().getFileName().toString()) > 0) {
                continue; // being written by a publish that has not switched yet
            }
            deleteTree(version);
        }
    }

    /** The tenant's version folders, newest first. */
    private List<Path> versions(TenantId tenant) {
        try (Stream<Path> entries = Files.list(folder(tenant))) {
            return entries.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("v"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            List<Path> paths = new ArrayList<>(tree.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete the published copy files {}", folder, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            LOG.debug("Cannot delete {}", file, e);
        }
    }

    private static CairnException failure(IOException e, String what, Object... args) {
        return new CairnException(ErrorCode.WAREHOUSE, e, "Cannot %s: %s", String.format(what, args),
                e.getMessage());
    }
}
