/** Connector syncs: reads a source's streams from their checkpoints into raw files, lands them, then saves the checkpoints. */
package io.cairn.core.sync;
