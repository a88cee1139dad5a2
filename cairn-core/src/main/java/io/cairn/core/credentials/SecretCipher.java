package io.cairn.core.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import static java.util.Objects.requireNonNull;

/**
 * Seals and opens secrets with AES-256-GCM: a fresh random nonce per seal, and the secret's address (tenant,
 * source, key) as associated data, so a ciphertext copied onto another row does not open.
 */
public final class SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKeys keys;

    public SecretCipher(MasterKeys keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    /** Seals {@code plaintext} with the current master key. */
    public Sealed seal(String address, String plaintext) {
        return seal(keys.current(), address, plaintext);
    }

    /** Seals {@code plaintext} with {@code key}. */
    public static Sealed seal(MasterKey key, String address, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(address.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return new Sealed(key.id(), base64.encodeToString(nonce), base64.encodeToString(sealed));
        }
        catch (GeneralSecurityException e) {
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot encrypt the secret %s: %s", address,
                    e.getMessage());
        }
    }

    /** Opens a sealed secret with the key named by its key id; fails when that key is unknown or it was tampered. */
    public String open(String address, Sealed sealed) {
        MasterKey key = keys.find(sealed.keyId()).orElseThrow(() -> new CairnException(ErrorCode.CONFIG,
                "Cannot decrypt the secret %s: it was sealed with master key %s, which is not configured (known: %s)",
                address, sealed.keyId(), keys.ids()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(sealed.nonce())));
            cipher.updateAAD(address.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CairnException(ErrorCode.CONFIG, e, "Cannot decrypt the secret %s with master key %s: the "
                    + "ciphertext does not authenticate (tampered, or moved from another row)", address, key.id());
        }
    }

    public MasterKeys keys() {
        return keys;
    }
}
