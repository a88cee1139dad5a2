/** Source routes: sources of a tenant, connector checks and stream discovery, and write-only credentials. */
package io.cairn.server.sources;
