/** The bundled retail and finance model project (dbt format, class-path resources) and its extraction. */
package io.cairn.models;
