/** dbt-shaped artifacts: {@code target/manifest.json}, {@code target/run_results.json}, and saved state for {@code state:modified}. */
package io.cairn.core.model.artifacts;
