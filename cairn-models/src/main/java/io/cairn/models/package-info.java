/** The bundled retail and finance model project (dbt format, class-path resources), its extraction, the inputs the
 *  platform writes before a build, and the data-quality layer that records each run's checks in ops.dq_results. */
package io.cairn.models;
