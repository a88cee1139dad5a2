/** Pipelines read from {@code pipelines/<name>.yml}, their executor with retries and timeouts, and the run history. */
package io.cairn.core.orchestrate;
