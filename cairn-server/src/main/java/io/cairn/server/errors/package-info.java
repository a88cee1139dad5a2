/** Errors of the HTTP API: {@code ApiException} and the handlers that write every failure as the JSON error body. */
package io.cairn.server.errors;
