package io.cairn.core.apikeys;

import io.cairn.core.controlplane.Sql;
import io.cairn.spi.TenantId;

import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code api_idempotency} table: which run an Idempotency-Key of a tenant started, and for which request. */
public final class IdempotencyStore {
    /** A remembered request: the hash of what was asked and the run it started. */
    public record Entry(String requestHash, String runId) {
    }

    private final ApiDatabase database;
    private final Clock clock;

    public IdempotencyStore(ApiDatabase database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Optional<Entry> find(TenantId tenant, String key) {
        return database.call("read idempotency key of tenant " + tenant, c -> Sql.queryOne(c, "SELECT request_hash, "
                + "run_id FROM api_idempotency WHERE tenant_id = ? AND idempotency_key = ?",
                row -> new Entry(row.getString(1), row.getString(2)), tenant, key));
    }

    /** Remembers that {@code key} started {@code runId}. */
    public void remember(TenantId tenant, String key, String requestHash, String runId) {
        database.call("store idempotency key of tenant " + tenant, c -> Sql.update(c, "INSERT INTO api_idempotency "
                + "(tenant_id, idempotency_key, request_hash, run_id, created_at) VALUES (?, ?, ?, ?, ?)", tenant,
                key, requestHash, runId, clock.instant()));
    }

    /** Hex SHA-256 of a canonical request text. */
    public static String hash(String canonicalRequest) {
        return KeySecrets.sha256(canonicalRequest);
    }
}
