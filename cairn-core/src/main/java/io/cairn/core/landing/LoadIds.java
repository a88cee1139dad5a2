package io.cairn.core.landing;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Load ids that sort by creation time and never collide: {@code 20240105T101500123Z-<12 hex>}. */
final class LoadIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LoadIds() {}

    static String next(Instant now) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return TIME.format(now) + "-" + HexFormat.of().formatHex(bytes);
    }
}
