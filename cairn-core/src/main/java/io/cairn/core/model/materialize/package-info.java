/** Materializations: views, atomic tables, incremental strategies with schema change handling, seeds, tenant guard. */
package io.cairn.core.model.materialize;
