package io.cairn.connectors.shopify;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.connectors.common.TimeCursor;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.RecordSink;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.StreamDescriptor;

/** A tenant's Shopify shop, read stream by stream through the Admin REST API. */
final class ShopifySource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(ShopifySource.class);

    private final ShopifyConfig config;
    private final ShopifyReader reader;

    ShopifySource(ShopifyConfig config, ShopifyClient client) {
        this.config = config;
        this.reader = new ShopifyReader(client, config);
    }

    @Override
    public List<StreamDescriptor> streams() {
        return ShopifyStreams.descriptors();
    }

    /** Streams share the client: its per-shop token bucket and the call-limit pacing hold across threads. */
    @Override
    public boolean supportsConcurrentStreams() {
        return true;
    }

    @Override
    public void read(String stream, Checkpoint from, RecordSink sink) {
        ShopifyStreams.Spec spec = ShopifyStreams.find(stream).orElseThrow(() -> SourceException.permanent(
                "Cannot read stream %s of %s: Shopify has no such stream", stream, config.subject()));
        TimeCursor cursor = TimeCursor.of(from, "stream " + stream + " of " + config.subject());
        LOG.debug("Reading Shopify stream {} of {} from {}", stream, config.subject(), cursor);
        reader.read(spec, cursor, sink);
    }
}
