/** The control plane: tenants, sources, raw loads, stream cursors and runs in an H2 or PostgreSQL database. */
package io.cairn.core.controlplane;
