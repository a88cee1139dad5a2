/** A JDBC view of Spark sessions, so the engine-neutral JDBC code of Cairn runs on Spark. */
package io.cairn.warehouse.spark.jdbc;
