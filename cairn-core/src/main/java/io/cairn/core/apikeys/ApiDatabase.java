package io.cairn.core.apikeys;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs one piece of work on a control-plane connection (the control plane's own connection handling). */
public interface ApiDatabase {
    /** Work done with one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T call(String action, Work<T> work);

    /** Runs {@code work} in one transaction. */
    <T> T transaction(String action, Work<T> work);
}
