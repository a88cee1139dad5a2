package io.cairn.core.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of API keys: {@code ck_<8 lower-case base-32 chars>_<43 base64url chars of 32 random bytes>}. The
 * first 11 characters are the visible prefix; only the SHA-256 of the whole key is stored.
 */
final class KeySecrets {
    static final int PREFIX_LENGTH = 11;
    private static final Pattern SHAPE = Pattern.compile("^ck_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    /** A new random key. */
    static String generate() {
        StringBuilder key = new StringBuilder("ck_");
        for (int i = 0; i < 8; i++) {
            key.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return key.append('_').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)).toString();
    }

    /** The prefix of a well-formed key; empty for anything else. */
    static Optional<String> prefix(String presented) {
        return presented != null && SHAPE.matcher(presented).matches()
                ? Optional.of(presented.substring(0, PREFIX_LENGTH)) : Optional.empty();
    }

    /** Hex SHA-256 of {@code text}. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
