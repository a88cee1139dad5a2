package io.cairn.server.tenants;

import io.cairn.spi.TenantId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The tokens of the two-step offboarding: the first {@code DELETE} issues one per tenant, valid for a few minutes;
 * the second must present it. A token works once and only for its tenant. Kept in memory: a restarted server asks
 * again.
 */
final class OffboardConfirmations {
    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Issued(TenantId tenant, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    OffboardConfirmations(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    String issue(TenantId tenant) {
        Instant now = clock.instant();
        issued.values().removeIf(token -> token.expires().isBefore(now));
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        issued.put(token, new Issued(tenant, now.plus(VALIDITY)));
        return token;
    }

    /** Uses up {@code token}; true when it was issued for {@code tenant} and has not expired. */
    boolean redeem(String token, TenantId tenant) {
        Issued found = issued.remove(token);
        if (found != null && !found.tenant().equals(tenant)) {
            issued.put(token, found);
            return false;
        }
        return found != null && clock.instant().isBefore(found.expires());
    }
}
