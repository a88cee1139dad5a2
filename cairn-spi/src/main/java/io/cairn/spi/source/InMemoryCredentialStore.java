package io.cairn.spi.source;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cairn.spi.TenantId;

/** A {@link CredentialStore} in a map; atomic within one process only. */
final class InMemoryCredentialStore implements CredentialStore {
    private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(TenantId tenant, String source, String key) {
        return Optional.ofNullable(values.get(key(tenant, source, key)));
    }

    @Override
    public synchronized boolean compareAndSet(TenantId tenant, String source, String key, String expected,
            String value) {
        String k = key(tenant, source, key);
        if (!Objects.equals(values.get(k), expected)) {
            return false;
        }
        if (value == null) {
            values.remove(k);
        }
        else {
            values.put(k, value);
        }
        return true;
    }

    private static String key(TenantId tenant, String source, String key) {
        return tenant.value() + "/" + source + "/" + key;
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + values.size() + " values]";
    }
}
