package io.cairn.server.auth;

import io.cairn.core.apikeys.ApiKeyStore;
import io.cairn.server.errors.ApiException;
import io.javalin.http.Context;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Finds the API key of a request in {@code Authorization: Bearer <key>}; the key itself is never logged. */
public final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final ApiKeyStore keys;

    public Authenticator(ApiKeyStore keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    /** The caller, or 401 for a missing, malformed, unknown, revoked or expired key. */
    public Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthenticated("Send an API key as 'Authorization: Bearer <key>'");
        }
        return find(header).orElseThrow(() -> ApiException.unauthenticated(
                "The API key is malformed, unknown, revoked or expired"));
    }

    /** The caller when the request carries a valid key; empty otherwise. */
    public Optional<Principal> find(Context ctx) {
        String header = ctx.header("Authorization");
        return header == null ? Optional.empty() : find(header);
    }

    private Optional<Principal> find(String header) {
        if (!header.startsWith(BEARER)) {
            return Optional.empty();
        }
        return keys.authenticate(header.substring(BEARER.length()).strip()).map(Principal::new);
    }
}
