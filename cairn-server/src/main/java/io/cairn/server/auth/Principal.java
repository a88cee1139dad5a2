package io.cairn.server.auth;

import io.cairn.core.apikeys.ApiKey;
import io.cairn.core.apikeys.Role;
import io.cairn.server.errors.ApiException;
import io.cairn.spi.TenantId;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Who a request acts as: the API key it presented, with the checks every route makes on it. */
public record Principal(ApiKey key) {
    public Principal {
        requireNonNull(key, "key is null");
    }

    /** How the audit log names this caller. */
    public String actor() {
        return "api:" + key.prefix();
    }

    public boolean isAdmin() {
        return key.role() == Role.ADMIN;
    }

    public Optional<TenantId> tenant() {
        return key.tenant();
    }

    /** True when the key may read {@code tenant}'s data (any role on it, or the platform admin). */
    public boolean canRead(String tenant) {
        return isAdmin() || key.tenant().map(own -> own.value().equals(tenant)).orElse(false);
    }

    /** True when the key may change {@code tenant}: its {@code tenant_admin}, or the platform admin. */
    public boolean canWrite(String tenant) {
        return canRead(tenant) && key.role() != Role.ANALYST;
    }

    /** Fails with 403 unless {@link #canRead}. */
    public void checkRead(String tenant) {
        if (!canRead(tenant)) {
            throw ApiException.forbidden("Key %s may not read tenant '%s'", key.prefix(), tenant);
        }
    }

    /** Fails with 403 unless {@link #canWrite}. */
    public void checkWrite(String tenant) {
        checkRead(tenant);
        if (!canWrite(tenant)) {
            throw ApiException.forbidden("Key %s has role %s, which may only read tenant '%s'", key.prefix(),
                    key.role().id(), tenant);
        }
    }

    /** Fails with 403 unless this is a platform admin key. */
    public void checkAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("Key %s has role %s; this needs a platform admin key", key.prefix(),
                    key.role().id());
        }
    }
}
