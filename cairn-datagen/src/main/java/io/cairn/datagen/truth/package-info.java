/** Ground truth: exact per-stream counts, sales by day and expenses by month, and the truth file writer. */
package io.cairn.datagen.truth;
