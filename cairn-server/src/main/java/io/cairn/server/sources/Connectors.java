package io.cairn.server.sources;

import io.cairn.core.config.Secrets;
import io.cairn.server.errors.ApiException;
import io.cairn.spi.CairnException;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.SourceFactory;

import java.util.Map;

/** The connectors on the class path, as the source routes need them: found by type, with their secret fields. */
final class Connectors {
    private Connectors() {
    }

    /** The connector of {@code type}, or 400 naming {@code field}. */
    static SourceFactory find(String type, String field) {
        try {
            return io.cairn.core.sync.SourceFactories.find(type);
        } catch (CairnException e) {
            throw ApiException.invalid(field, "%s", e.getMessage());
        }
    }

    /** True when the connector declares {@code key} a secret, or its name says so. */
    static boolean isSecret(SourceFactory factory, String key) {
        return Secrets.isSecret(key) || factory.configSpec().stream()
                .anyMatch(field -> field.secret() && field.name().equals(key));
    }

    /** Fails with 400 when {@code options} hold a credential, which only the credentials route accepts. */
    static void rejectSecrets(SourceFactory factory, Map<String, String> options, String tenant, String source) {
        for (String key : options.keySet()) {
            if (isSecret(factory, key)) {
                throw ApiException.invalid("options." + key, "'%s' is a credential: set it with PUT /tenants/%s/"
                        + "credentials/%s", key, tenant, source);
            }
        }
    }

    /** True when the connector stores {@code key} in the credential store (a secret the store recognises). */
    static boolean storable(SourceFactory factory, String key) {
        return Secrets.isSecret(key) && factory.configSpec().stream().map(ConfigField::name).anyMatch(key::equals);
    }
}
