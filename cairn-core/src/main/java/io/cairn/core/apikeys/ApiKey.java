package io.cairn.core.apikeys;

import io.cairn.spi.TenantId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A stored API key, without its secret.
 *
 * @param prefix the visible, unique start of the key ({@code ck_} and 8 characters)
 * @param tenant the tenant the key is bound to; empty for a platform key
 * @param name a free label, may be null
 * @param expiresAt null: never expires
 * @param revokedAt null while not revoked
 */
public record ApiKey(String prefix, Role role, Optional<TenantId> tenant, String name, Instant createdAt,
                     Instant expiresAt, Instant revokedAt) {
    public ApiKey {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(role, "role is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Usable at {@code now}: not revoked and not expired. */
    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
