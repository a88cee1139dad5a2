/** Shared HTTP machinery of the API connectors: retries with jittered backoff, rate limiting, request logs. */
package io.cairn.connectors.http;
