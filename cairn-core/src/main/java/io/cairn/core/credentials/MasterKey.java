package io.cairn.core.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * One 256-bit AES master key and its id: the first 16 hex digits of the SHA-256 of the key, stored with each
 * ciphertext so a keyring can pick the key that sealed it. The id reveals nothing usable about the key.
 */
public final class MasterKey {
    static final int BYTES = 32;

    private final String id;
    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot use a master key of %d bytes: it must be %d bytes "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`)", bytes.length, BYTES);
        }
        this.key = new SecretKeySpec(bytes.clone(), "AES");
        this.id = idOf(bytes);
    }

    /** A key from its base64 text; {@code where} names its origin in error messages. */
    public static MasterKey fromBase64(String text, String where) {
        try {
            return new MasterKey(Base64.getDecoder().decode(text.strip()));
        }
        catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.CONFIG, e, "Cannot read the master key from %s: it is not base64",
                    where);
        }
    }

    public static MasterKey of(byte[] bytes) {
        return new MasterKey(bytes);
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static String idOf(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("cairn-master-key".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(bytes), 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
