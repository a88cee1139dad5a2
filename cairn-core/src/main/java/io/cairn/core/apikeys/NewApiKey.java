package io.cairn.core.apikeys;

import static java.util.Objects.requireNonNull;

/**
 * A key just created: the only time its full secret exists outside the caller's hands.
 *
 * @param secret the whole key to present as {@code Authorization: Bearer <secret>}
 */
public record NewApiKey(ApiKey key, String secret) {
    public NewApiKey {
        requireNonNull(key, "key is null");
        requireNonNull(secret, "secret is null");
    }

    @Override
    public String toString() {
        return "NewApiKey[key=" + key + ", secret=***]";
    }
}
