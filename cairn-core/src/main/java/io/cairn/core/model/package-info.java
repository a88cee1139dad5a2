/** The model engine's API: load a dbt-format project and build, run, test, seed, compile, list or check freshness. */
package io.cairn.core.model;
