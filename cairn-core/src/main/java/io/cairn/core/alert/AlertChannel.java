package io.cairn.core.alert;

/** Somewhere alerts are delivered. Implementations are thread-safe. */
public interface AlertChannel {
    /** A short stable name for logs: {@code slack}, {@code webhook}, {@code pagerduty}, {@code email}. */
    String name();

    /** Delivers {@code alert}; throws a {@link io.cairn.spi.CairnException} when it could not be delivered. */
    void send(Alert alert);
}
