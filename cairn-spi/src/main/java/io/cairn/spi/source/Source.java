package io.cairn.spi.source;

import java.util.List;

/**
 * An open connection to one tenant's source system. Not required to be thread-safe: one stream at a time, unless
 * {@link #supportsConcurrentStreams()} says otherwise.
 */
public interface Source extends AutoCloseable {
    /** The streams this source offers, with the landing contract of their records. */
    List<StreamDescriptor> streams();

    /**
     * Reads one stream from a checkpoint. Emits records to the sink in order and, after each consistent point
     * (typically a page), a checkpoint that covers every record emitted before it. Resuming from any emitted
     * checkpoint must yield every record not covered by it; records at the boundary may be emitted again.
     *
     * @param from the last durable checkpoint, or {@link Checkpoint#NONE} for a first sync
     * @throws SourceException when the source fails; its {@link SourceException#kind()} says whether to retry
     */
    void read(String stream, Checkpoint from, RecordSink sink);

    /** The descriptor of one stream; throws {@link SourceException} when the stream is unknown. */
    default StreamDescriptor stream(String name) {
        return streams().stream().filter(stream -> stream.name().equals(name)).findFirst()
                .orElseThrow(() -> SourceException.permanent("Cannot read stream %s: the source has no such stream",
                        name));
    }

    /**
     * Whether {@link #read} may run for several different streams at once from different threads. Sources that say
     * so share their rate limits between those reads themselves.
     */
    default boolean supportsConcurrentStreams() {
        return false;
    }

    @Override
    default void close() {}
}
