package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.sql.SparkSession;

import java.sql.SQLException;

/** Decides, before Spark runs it, whether a statement sent through a connection may run at all. */
@FunctionalInterface
public interface SqlGuard {
    /** Lets every statement run: the platform's own connections. */
    SqlGuard NONE = (session, sql) -> { };

    /** Throws to refuse {@code sql}; nothing of it has run then. */
    void check(SparkSession session, String sql) throws SQLException;
}
