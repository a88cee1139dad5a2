package io.cairn.spi.warehouse;

import java.sql.Connection;

import io.cairn.spi.raw.RawLoader;

/** An open warehouse. Thread-safe; close it once at the end. */
public interface Warehouse extends AutoCloseable {
    /** The engine type, matching {@link WarehouseFactory#type()}. */
    String type();

    Dialect dialect();

    /** A new JDBC connection; the caller closes it. */
    Connection connect();

    /** The bulk loader for raw files. */
    RawLoader rawLoader();

    @Override
    void close();
}
