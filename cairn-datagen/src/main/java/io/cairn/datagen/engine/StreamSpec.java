package io.cairn.datagen.engine;

import io.cairn.spi.raw.FileFormat;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the engine needs to know about a stream: its place in the inbox, its format, the landing contract's
 * id and currency fields (dotted paths), and which defects make sense for it.
 *
 * @param transactional events (orders, payments) rather than dimension rows: gets duplicates and late records
 * @param updatable the source can send later versions of a record
 */
public record StreamSpec(
        String source,
        String stream,
        FileFormat format,
        List<String> idFields,
        String updatedAtField,
        String currencyField,
        boolean transactional,
        boolean updatable) {
    public StreamSpec {
        requireNonNull(source, "source is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(format, "format is null");
        idFields = List.copyOf(requireNonNull(idFields, "idFields is null"));
        requireNonNull(updatedAtField, "updatedAtField is null");
    }

    /** "source/stream", the key of the stream in the truth file. */
    public String key() {
        return source + "/" + stream;
    }

    public boolean hasCurrency() {
        return currencyField != null;
    }
}
