package io.cairn.core.credentials;

import static java.util.Objects.requireNonNull;

/**
 * A secret sealed with AES-GCM.
 *
 * @param keyId the id of the master key that sealed it
 * @param nonce the 96-bit GCM nonce, base64
 * @param ciphertext the ciphertext with its 128-bit tag, base64
 */
public record Sealed(String keyId, String nonce, String ciphertext) {
    public Sealed {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(nonce, "nonce is null");
        requireNonNull(ciphertext, "ciphertext is null");
    }
}
