package io.cairn.datagen.engine;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** File helpers that turn {@link IOException} into {@link CairnException} naming the file. */
public final class Files2 {
    private Files2() {
    }

    public static Writer open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 16);
        } catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot create file %s: %s", file, e.getMessage());
        }
    }

    static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void close(Writer out) {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot read the size of %s: %s", file, e.getMessage());
        }
    }

    /** Writes the empty {@code _SUCCESS} marker that closes a complete stream folder. */
    public static void success(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("_SUCCESS"), new byte[0]);
        } catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot write _SUCCESS in %s: %s", dir, e.getMessage());
        }
    }
}
