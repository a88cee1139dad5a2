/** Raw landing on Spark: raw files read by Spark's own readers into the raw Iceberg tables, with the envelope. */
package io.cairn.warehouse.spark.raw;
