package io.cairn.spi.source;

/**
 * A connector's position in a stream, as opaque text (connectors use JSON); saved by the sync runner only once
 * every record emitted before it is durable.
 *
 * @param state the connector's own text, or null for "from the start"
 */
public record Checkpoint(String state) {
    /** No saved position: read the stream from its start (or the configured start date). */
    public static final Checkpoint NONE = new Checkpoint(null);

    public boolean isNone() {
        return state == null;
    }
}
