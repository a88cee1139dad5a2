package io.cairn.connectors.quickbooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.connectors.http.ApiClient;
import io.cairn.connectors.http.ApiRequest;
import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.SourceException.Kind;

/**
 * OAuth2 access tokens of one QuickBooks connection. Refreshes before expiry, one refresh per realm at a time
 * (process-wide lock). A rotated refresh token is stored with compare-and-set before the new access token is
 * handed out, so a crash can never lose the only valid refresh token. {@code invalid_grant} marks the source as
 * needing re-authorisation and is never retried.
 */
final class QuickBooksAuth {
    static final String REFRESH_TOKEN = "refresh_token";
    static final String NEEDS_REAUTHORISATION = "needs_reauthorisation";
    private static final Logger LOG = LoggerFactory.getLogger(QuickBooksAuth.class);
    private static final Duration EARLY = Duration.ofMinutes(5);
    private static final ConcurrentMap<String, Object> REALM_LOCKS = new ConcurrentHashMap<>();

    private final QuickBooksConfig config;
    private final CredentialStore store;
    private final ApiClient tokenApi;
    private final Clock clock;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;
    private String refusal;

    QuickBooksAuth(QuickBooksConfig config, CredentialStore store, ApiClient tokenApi, Clock clock) {
        this.config = config;
        this.store = store;
        this.tokenApi = tokenApi;
        this.clock = clock;
    }

    /** A valid access token, refreshed first when it expires within five minutes. */
    String accessToken() {
        synchronized (lock()) {
            if (accessToken == null || clock.instant().plus(EARLY).isAfter(expiresAt)) {
                refresh();
            }
            return accessToken;
        }
    }

    /** Called after a 401: refreshes unless another caller already replaced {@code rejected}. */
    String refreshAfterRejection(String rejected) {
        synchronized (lock()) {
            if (rejected.equals(accessToken)) {
                refresh();
            }
            return accessToken;
        }
    }

    private Object lock() {
        return REALM_LOCKS.computeIfAbsent(config.realmId(), realm -> new Object());
    }

    private void refresh() {
        if (refusal != null) {
            // streams read in parallel share this grant: once refused, it is refused for all of them
            throw new SourceException(Kind.NEEDS_REAUTHORISATION, 400, null, "%s", refusal);
        }
        String stored = store.get(config.tenant(), config.source(), REFRESH_TOKEN).orElse(null);
        String current = stored != null ? stored : config.refreshToken();
        JsonNode answer = requestTokens(current);
        String rotated = answer.path("refresh_token").asText(current);
        if (!rotated.equals(current) || stored == null) {
            if (!store.compareAndSet(config.tenant(), config.source(), REFRESH_TOKEN, stored, rotated)) {
                throw SourceException.transientFailure("Cannot store the rotated refresh token of %s: another "
                        + "process changed it first; the next attempt uses the newer token", config.subject());
            }
            LOG.info("Stored the rotated refresh token of {}", config.subject());
        }
        accessToken = answer.path("access_token").asText();
        expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
    }

    private JsonNode requestTokens(String refreshToken) {
        String basic = Base64.getEncoder().encodeToString((config.clientId() + ":" + config.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        ApiRequest request = new ApiRequest("POST", config.tokenUrl(), Map.of("Authorization", "Basic " + basic,
                "Accept", "application/json", "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8));
        try {
            return tokenApi.sendJson(request);
        }
        catch (SourceException e) {
            if (e.httpStatus() == 400 && e.getMessage().contains("invalid_grant")) {
                markNeedsReauthorisation();
                refusal = String.format("Cannot refresh the access token of %s: QuickBooks answered invalid_grant; "
                        + "the connection must be authorised again", config.subject());
                throw new SourceException(Kind.NEEDS_REAUTHORISATION, 400, e, "%s", refusal);
            }
            throw e;
        }
    }

    private void markNeedsReauthorisation() {
        String flag = store.get(config.tenant(), config.source(), NEEDS_REAUTHORISATION).orElse(null);
        store.compareAndSet(config.tenant(), config.source(), NEEDS_REAUTHORISATION, flag,
                "invalid_grant at " + clock.instant());
        LOG.warn("QuickBooks refused the refresh token of {}: marked as needing re-authorisation",
                config.subject());
    }

    @Override
    public String toString() {
        return "QuickBooksAuth[" + config.subject() + ", expiresAt=" + expiresAt + "]";
    }
}
