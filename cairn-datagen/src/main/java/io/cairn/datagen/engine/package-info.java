/** The streaming engine: deterministic slots, defect plans, file sinks and exact per-stream counts. */
package io.cairn.datagen.engine;
