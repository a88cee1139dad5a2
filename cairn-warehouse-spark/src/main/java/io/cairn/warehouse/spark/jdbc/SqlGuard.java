package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

import java.sql.SQLException;

/** Decides, before Spark runs it, whether a statement sent through a connection may run at all. */
@FunctionalInterface
public interface SqlGuard {
    /** Lets every statement run: the platform's own connections. */
    SqlGuard NONE = (session, sql) -> { };

    /** Throws to refuse {@code sql}; nothing of it has run then. */
    void check(SparkSession session, String sql) throws SQLException;

    /**
     * Throws to refuse a query Spark has analyzed, before any of its jobs runs ({@code analyzed} is its analyzed
     * plan); commands never get here, {@link #check} refuses them. Lets everything through by default.
     */
    default void checkAnalyzed(SparkSession session, LogicalPlan analyzed) throws SQLException {
    }
}
