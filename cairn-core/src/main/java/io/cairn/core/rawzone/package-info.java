/** The raw zone on disk: the inbox of file drops, complete loads, and the immutable raw layout they move into. */
package io.cairn.core.rawzone;
