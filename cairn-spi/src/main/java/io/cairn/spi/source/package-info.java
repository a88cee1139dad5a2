/** The source-connector extension point: {@code SourceFactory} found with {@code ServiceLoader}, {@code Source}, config specs. */
package io.cairn.spi.source;
