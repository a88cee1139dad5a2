package io.cairn.spi.source;

import io.cairn.spi.raw.Envelope;
import io.cairn.spi.raw.StreamContract;

import static java.util.Objects.requireNonNull;

/**
 * One stream of a source.
 *
 * @param name the stream name, also the raw table suffix ({@code raw.<system>__<name>})
 * @param contract how landing identifies, times and tombstones the stream's records
 * @param incremental true when a checkpoint limits what is read again; false for full refreshes
 * @param description what the stream holds and how it is read, for {@code cairn sources discover}
 */
public record StreamDescriptor(String name, StreamContract contract, boolean incremental, String description) {
    public StreamDescriptor {
        Envelope.checkName("stream", name);
        requireNonNull(contract, "contract is null");
        requireNonNull(description, "description is null");
    }
}
