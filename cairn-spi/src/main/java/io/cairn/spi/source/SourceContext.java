package io.cairn.spi.source;

import static java.util.Objects.requireNonNull;

/**
 * What the platform lends a source besides its configuration.
 *
 * @param credentials where credentials that rotate (OAuth refresh tokens) are kept
 */
public record SourceContext(CredentialStore credentials) {
    public SourceContext {
        requireNonNull(credentials, "credentials is null");
    }

    /** A context with an in-memory credential store: for checks and tests. */
    public static SourceContext inMemory() {
        return new SourceContext(CredentialStore.inMemory());
    }
}
