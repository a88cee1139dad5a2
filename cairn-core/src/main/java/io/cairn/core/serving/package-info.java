/** Serving a tenant its own data: marts, quality, freshness and read-only SQL, scoped by the engine's isolation. */
package io.cairn.core.serving;
