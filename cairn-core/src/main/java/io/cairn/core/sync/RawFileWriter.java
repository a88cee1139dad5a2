package io.cairn.core.sync;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Writes one raw JSONL file under a hidden temporary name; {@link #close()} renames it into place and writes its
 * {@code _SUCCESS} marker, so a reader never sees a half-written file as complete.
 */
final class RawFileWriter {
    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private long records;

    RawFileWriter(Path target) {
        this.target = target;
        this.partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw failure("open", e);
        }
    }

    void write(String json) {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new CairnException(ErrorCode.INTERNAL, "Cannot write a record to %s: it spans several lines",
                    target);
        }
        try {
            out.write(json);
            out.write('\n');
            records++;
        }
        catch (IOException e) {
            throw failure("write to", e);
        }
    }

    long records() {
        return records;
    }

    Path target() {
        return target;
    }

    /** Flushes, renames the file into place and writes its marker; returns its size in bytes. */
    long close() {
        try {
            out.close();
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(RawZone.successMarker(target));
            return Files.size(target);
        }
        catch (IOException e) {
            throw failure("close", e);
        }
    }

    /** Drops the unfinished file. */
    void abort() {
        try {
            out.close();
            Files.deleteIfExists(partial);
        }
        catch (IOException e) {
            throw failure("discard", e);
        }
    }

    private CairnException failure(String verb, IOException e) {
        return new CairnException(ErrorCode.IO, e, "Cannot %s raw file %s: %s", verb, target, e.getMessage());
    }
}
