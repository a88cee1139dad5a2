package io.cairn.core.access;

import java.time.Instant;
import java.util.Optional;

import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/**
 * One grant of a tenant's reader login, as the control plane keeps it (never with a password).
 *
 * @param id sortable id
 * @param login the warehouse role that logs in
 * @param pii whether PII columns are in clear for this login
 * @param revokedAt when the grant ended (revoked, or replaced by a newer grant); empty while it is in force
 * @param revokedBy who ended it; empty while it is in force
 */
public record AccessGrant(String id, TenantId tenant, String login, boolean pii, Instant grantedAt, String grantedBy,
        Optional<Instant> revokedAt, Optional<String> revokedBy) {
    public AccessGrant {
        requireNonNull(id, "id is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(login, "login is null");
        requireNonNull(grantedAt, "grantedAt is null");
        requireNonNull(grantedBy, "grantedBy is null");
        requireNonNull(revokedAt, "revokedAt is null");
        requireNonNull(revokedBy, "revokedBy is null");
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
