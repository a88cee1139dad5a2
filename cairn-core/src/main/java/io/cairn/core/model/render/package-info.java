/** Rendering project files with Jinjava and dbt's template context (ref, source, config, var, macros). */
package io.cairn.core.model.render;
