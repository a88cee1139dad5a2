/** Public API of the synthetic tenant-data generator: options, generator, summary and the benchmark file. */
package io.cairn.datagen;
