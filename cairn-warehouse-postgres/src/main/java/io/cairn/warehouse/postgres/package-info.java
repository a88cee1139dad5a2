/** The PostgreSQL warehouse adapter: pooled JDBC connections and a raw loader built on {@code COPY ... FROM STDIN} and SQL. */
package io.cairn.warehouse.postgres;
