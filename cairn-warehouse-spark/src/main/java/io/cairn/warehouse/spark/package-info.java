/**
 * The Spark warehouse: Iceberg tables in Spark ({@code warehouse.type: spark}), reached through a JDBC view of Spark
 * sessions ({@link io.cairn.warehouse.spark.jdbc}).
 */
package io.cairn.warehouse.spark;
