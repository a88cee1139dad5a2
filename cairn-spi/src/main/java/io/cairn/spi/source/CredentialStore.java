package io.cairn.spi.source;

import java.util.Optional;

import io.cairn.spi.TenantId;

/**
 * Durable storage of credentials that change while syncing, such as rotated OAuth refresh tokens. Implementations
 * encrypt at rest and make {@link #compareAndSet} atomic, so two processes refreshing one token cannot both win.
 */
public interface CredentialStore {
    /** The stored value of a source's credential, if any. */
    Optional<String> get(TenantId tenant, String source, String key);

    /**
     * Replaces the value of a credential only when it currently equals {@code expected} (null: absent), durably,
     * before returning true. Returns false, changing nothing, when another writer got there first.
     */
    boolean compareAndSet(TenantId tenant, String source, String key, String expected, String value);

    /** A store kept in memory, for tests and one-off checks. */
    static CredentialStore inMemory() {
        return new InMemoryCredentialStore();
    }
}
