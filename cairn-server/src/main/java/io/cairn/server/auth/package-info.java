/** Who may call the API: API-key authentication, per-tenant and per-role checks, per-key rate limits and quotas. */
package io.cairn.server.auth;
