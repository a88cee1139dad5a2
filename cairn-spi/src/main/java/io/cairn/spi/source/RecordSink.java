package io.cairn.spi.source;

/** Where a source emits a stream's records and checkpoints, in order. */
public interface RecordSink {
    /** One record as a single-line JSON object, exactly as it will land in the raw zone. */
    void record(String json);

    /** Every record emitted before this call is covered by {@code checkpoint}. */
    void checkpoint(Checkpoint checkpoint);
}
