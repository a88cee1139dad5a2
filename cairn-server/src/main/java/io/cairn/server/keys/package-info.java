/** API key routes: creating (secret shown once), listing and revoking keys. */
package io.cairn.server.keys;
