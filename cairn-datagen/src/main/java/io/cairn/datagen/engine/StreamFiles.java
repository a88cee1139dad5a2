package io.cairn.datagen.engine;

import io.cairn.spi.raw.FileFormat;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The data files of one stream folder: {@code <stream>-<NNN>.<ext>}, numbered 001, 002... in the order they are
 * opened. A file is opened on first use, so a chunk without records gets no file unless it is asked for.
 */
final class StreamFiles {
    private final Path dir;
    private final RecordModel model;
    private final StreamStats stats;
    private RecordSink current;
    private Path currentPath;
    private int currentChunk = -1;
    private int fileNumber;

    StreamFiles(Path dir, RecordModel model, StreamStats stats) {
        this.dir = dir;
        this.model = model;
        this.stats = stats;
    }

    RecordSink sink(int chunk) {
        if (current != null && currentChunk == chunk) {
            return current;
        }
        close();
        fileNumber++;
        StreamSpec spec = model.spec();
        String name = String.format(Locale.ROOT, "%s-%03d.%s", spec.stream(), fileNumber, spec.format().extension());
        currentPath = dir.resolve(name);
        current = open(spec, chunk);
        currentChunk = chunk;
        stats.files++;
        return current;
    }

    private RecordSink open(StreamSpec spec, int chunk) {
        var out = Files2.open(currentPath);
        if (spec.format() == FileFormat.CSV) {
            return new CsvSink(out, model.columns(chunk), spec.idFields());
        }
        if (spec.format() == FileFormat.JSON_ARRAY) {
            return new JsonArraySink(out, spec.idFields());
        }
        return new JsonlSink(out, spec.idFields());
    }

    void close() {
        if (current != null) {
            current.close();
            stats.bytes += Files2.size(currentPath);
            current = null;
            currentChunk = -1;
        }
    }
}
