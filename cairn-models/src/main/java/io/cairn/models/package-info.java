/** The bundled retail and finance project (dbt format), its extraction, platform inputs and data-quality layer. */
package io.cairn.models;
