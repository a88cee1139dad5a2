/** Materializations (view, table, incremental, seeds, tenant guard) and their SQL per warehouse engine. */
package io.cairn.core.model.materialize;
