package io.cairn.core.apikeys;

import io.cairn.core.controlplane.Sql;
import io.cairn.spi.TenantId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code api_keys} table. Keys are created with a random secret returned once; afterwards only its SHA-256 is
 * kept, looked up by the key's visible prefix. Platform keys carry no tenant; tenant keys never have the
 * {@code admin} role.
 */
public final class ApiKeyStore {
    private static final String COLUMNS = "key_prefix, role, tenant_id, name, created_at, expires_at, revoked_at";

    private record Stored(ApiKey key, String hash) {
    }

    private final ApiDatabase database;
    private final Clock clock;

    public ApiKeyStore(ApiDatabase database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Creates a key. {@code tenant} must be null exactly for {@code admin} keys; the tenant must exist.
     *
     * @param expiresAt null: never expires
     */
    public NewApiKey create(Role role, TenantId tenant, String name, Instant expiresAt) {
        requireNonNull(role, "role is null");
        if ((role == Role.ADMIN) != (tenant == null)) {
            throw new IllegalArgumentException(role == Role.ADMIN ? "an admin key is a platform key: no tenant"
                    : "a " + role.id() + " key needs a tenant");
        }
        String secret = KeySecrets.generate();
        ApiKey key = new ApiKey(secret.substring(0, KeySecrets.PREFIX_LENGTH), role, Optional.ofNullable(tenant),
                name, Sql.truncate(clock.instant()), Sql.truncate(expiresAt), null);
        database.call("create API key " + key.prefix(), c -> Sql.update(c, "INSERT INTO api_keys (key_prefix, "
                + "secret_hash, role, tenant_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                key.prefix(), KeySecrets.sha256(secret), role, tenant, name, key.createdAt(), key.expiresAt()));
        return new NewApiKey(key, secret);
    }

    /** The active key whose secret is {@code presented}; empty for a malformed, unknown, revoked or expired key. */
    public Optional<ApiKey> authenticate(String presented) {
        Optional<String> prefix = KeySecrets.prefix(presented);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String hash = KeySecrets.sha256(presented);
        Instant now = clock.instant();
        return database.call("authenticate API key " + prefix.get(), c -> Sql.queryOne(c, "SELECT " + COLUMNS
                + ", secret_hash FROM api_keys WHERE key_prefix = ?", row -> new Stored(key(row),
                row.getString("secret_hash")), prefix.get()))
                .filter(stored -> KeySecrets.sameHash(hash, stored.hash()))
                .map(Stored::key)
                .filter(key -> key.isActive(now));
    }

    public Optional<ApiKey> find(String prefix) {
        requireNonNull(prefix, "prefix is null");
        return database.call("read API key " + prefix, c -> Sql.queryOne(c, "SELECT " + COLUMNS
                + " FROM api_keys WHERE key_prefix = ?", ApiKeyStore::key, prefix));
    }

    /** Every key, or only those of {@code tenant} when given, oldest first. */
    public List<ApiKey> list(TenantId tenant) {
        String where = tenant == null ? "" : " WHERE tenant_id = ?";
        Object[] params = tenant == null ? new Object[0] : new Object[] {tenant};
        return database.call("list API keys", c -> Sql.query(c, "SELECT " + COLUMNS + " FROM api_keys" + where
                + " ORDER BY created_at, key_prefix", ApiKeyStore::key, params));
    }

    /** Revokes a key now; false when there is no such key or it was already revoked. */
    public boolean revoke(String prefix) {
        requireNonNull(prefix, "prefix is null");
        return database.call("revoke API key " + prefix, c -> Sql.update(c, "UPDATE api_keys SET revoked_at = ? "
                + "WHERE key_prefix = ? AND revoked_at IS NULL", clock.instant(), prefix) > 0);
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        return new ApiKey(row.getString("key_prefix"), Sql.enumOf(Role.class, row.getString("role")),
                Optional.ofNullable(Sql.tenant(row, "tenant_id")), row.getString("name"), Sql.instant(row,
                "created_at"), Sql.instant(row, "expires_at"), Sql.instant(row, "revoked_at"));
    }
}
