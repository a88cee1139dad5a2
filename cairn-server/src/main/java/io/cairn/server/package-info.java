/** The HTTP API of {@code cairn serve}: the Javalin server, its routes under {@code /api/v1}, health and metrics. */
package io.cairn.server;
