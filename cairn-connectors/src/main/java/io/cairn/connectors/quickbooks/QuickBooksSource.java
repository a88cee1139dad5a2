package io.cairn.connectors.quickbooks;

import java.util.List;

import io.cairn.connectors.common.TimeCursor;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.RecordSink;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.StreamDescriptor;

/** A tenant's QuickBooks Online company, read entity by entity. */
final class QuickBooksSource implements Source {
    private final QuickBooksConfig config;
    private final QuickBooksReader reader;

    QuickBooksSource(QuickBooksConfig config, QuickBooksReader reader) {
        this.config = config;
        this.reader = reader;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return QuickBooksEntities.descriptors();
    }

    /** Streams share the client: its per-realm token bucket, concurrency limit and token refresh lock. */
    @Override
    public boolean supportsConcurrentStreams() {
        return true;
    }

    @Override
    public void read(String stream, Checkpoint from, RecordSink sink) {
        QuickBooksEntities.Entity entity = QuickBooksEntities.byStream(stream).orElseThrow(() ->
                SourceException.permanent("Cannot read stream %s of %s: QuickBooks has no such stream", stream,
                        config.subject()));
        reader.read(entity, TimeCursor.of(from, "stream " + stream + " of " + config.subject()), sink);
    }
}
