package io.cairn.connectors.qbocsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.core.landing.StreamContracts;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.RecordSink;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.StreamDescriptor;

/**
 * Reads the export files of one folder. A stream reads every {@code .csv} whose header is of its kind and whose
 * modification time is at or after the checkpoint (the newest time read); re-reading the newest file again lands
 * nothing new, since its records hash the same.
 */
final class QuickBooksCsvSource implements Source {
    private final Path folder;

    QuickBooksCsvSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return QuickBooksCsvExports.KINDS.stream().map(kind -> new StreamDescriptor(kind.stream(),
                StreamContracts.forStream("quickbooks", kind.stream()), true, "QuickBooks CSV export with the columns "
                        + String.join(", ", kind.signature()) + ", ...; Id = csv-<" + kind.key() + ">")).toList();
    }

    /** Streams read different exports and share nothing mutable. */
    @Override
    public boolean supportsConcurrentStreams() {
        return true;
    }

    @Override
    public void read(String stream, Checkpoint from, RecordSink sink) {
        stream(stream);
        Instant since = from.isNone() ? Instant.EPOCH : Instant.parse(from.state());
        Instant newest = since;
        for (Path file : csvFiles()) {
            Instant modified = modified(file);
            if (modified.isBefore(since)) {
                continue;
            }
            List<List<String>> rows = CsvReader.parse(read(file));
            Optional<QuickBooksCsvExports.Kind> kind = rows.isEmpty() ? Optional.empty()
                    : QuickBooksCsvExports.kindOf(rows.get(0).stream().map(String::strip).toList());
            if (kind.isEmpty() || !kind.get().stream().equals(stream)) {
                continue;
            }
            try {
                for (ObjectNode record : QuickBooksCsvExports.records(kind.get(), CsvReader.records(rows), modified)) {
                    sink.record(Json.MAPPER.writeValueAsString(record));
                }
            }
            catch (IOException | RuntimeException e) {
                throw SourceException.permanent("Cannot read QuickBooks export %s as %s: %s", file, stream,
                        e.getMessage());
            }
            newest = modified.isAfter(newest) ? modified : newest;
        }
        sink.checkpoint(new Checkpoint(newest.toString()));
    }

    private List<Path> csvFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase().endsWith(".csv")).sorted()
                    .toList();
        }
        catch (IOException e) {
            throw SourceException.transientFailure("Cannot list QuickBooks exports in %s: %s", folder,
                    e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw SourceException.transientFailure("Cannot read QuickBooks export %s: %s", file, e.getMessage());
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        }
        catch (IOException e) {
            throw SourceException.transientFailure("Cannot stat QuickBooks export %s: %s", file, e.getMessage());
        }
    }
}
