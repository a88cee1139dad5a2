/** Data routes: a tenant's marts (JSON pages or CSV), quality, freshness and read-only SQL, through TenantData. */
package io.cairn.server.data;
