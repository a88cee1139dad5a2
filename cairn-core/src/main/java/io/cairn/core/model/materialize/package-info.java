/** Materializations (views, atomic tables, incremental strategies, schema change, seeds, tenant guard) and their SQL per engine. */
package io.cairn.core.model.materialize;
