package io.cairn.server.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cairn.core.apikeys.ApiKey;

import java.time.Instant;

/** An API key as the API shows it: never its secret, except {@code key} in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record KeyView(String prefix, String role, String tenant, String name, Instant createdAt, Instant expiresAt,
               Instant revokedAt, boolean active, String key) {
    static KeyView of(ApiKey key, Instant now, String secret) {
        return new KeyView(key.prefix(), key.role().id(), key.tenant().map(Object::toString).orElse(null), key.name(),
                key.createdAt(), key.expiresAt(), key.revokedAt(), key.isActive(now), secret);
    }
}
