/** The raw-zone contract: the envelope of every raw row, stream contracts, and load requests and results. */
package io.cairn.spi.raw;
