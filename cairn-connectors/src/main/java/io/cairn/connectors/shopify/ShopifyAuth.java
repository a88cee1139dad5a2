package io.cairn.connectors.shopify;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.SourceException.Kind;

import static java.util.Objects.requireNonNull;

/**
 * The access token of one Shopify source. A token stored with {@code cairn credentials set <tenant> <source>
 * access_token} replaces the configured one (a merchant who reinstalls the app gets a new token). Shopify answers
 * 401 only to a token it no longer accepts (uninstalled app, revoked token; missing scopes are 403), which retrying
 * cannot fix: the source is marked as needing re-authorisation, and every later request of this source fails the
 * same way without calling the shop. A configuration check only reports the refusal: it changes no stored state.
 */
final class ShopifyAuth {
    static final String ACCESS_TOKEN = "access_token";
    static final String NEEDS_REAUTHORISATION = "needs_reauthorisation";
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyAuth.class);

    private final ShopifyConfig config;
    private final CredentialStore store;
    private final Clock clock;
    private final boolean marksRefusal;
    private String token;
    private String refusal;

    private ShopifyAuth(ShopifyConfig config, CredentialStore store, Clock clock, boolean marksRefusal) {
        this.config = requireNonNull(config, "config is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.marksRefusal = marksRefusal;
    }

    /** The token of a source being read: a refusal marks it as needing re-authorisation. */
    static ShopifyAuth forSync(ShopifyConfig config, CredentialStore store, Clock clock) {
        return new ShopifyAuth(config, store, clock, true);
    }

    /** The token of a source being checked: a refusal is only reported. */
    static ShopifyAuth forCheck(ShopifyConfig config, CredentialStore store) {
        return new ShopifyAuth(config, store, Clock.systemUTC(), false);
    }

    /** The token to send; fails at once when the shop already refused it. */
    synchronized String accessToken() {
        if (refusal != null) {
            // streams read in parallel share the token: once refused, it is refused for all of them
            throw new SourceException(Kind.NEEDS_REAUTHORISATION, 401, null, "%s", refusal);
        }
        if (token == null) {
            token = store.get(config.tenant(), config.source(), ACCESS_TOKEN).orElse(config.accessToken());
        }
        return token;
    }

    /** Turns a failed request into the failure to report; a 401 marks the source as needing re-authorisation. */
    SourceException failure(SourceException e) {
        if (e.httpStatus() != 401) {
            return e;
        }
        synchronized (this) {
            if (refusal == null) {
                refusal = String.format("%s: Shopify refused the access token; the app must be authorised again "
                        + "for the shop", e.getMessage());
                if (marksRefusal) {
                    markNeedsReauthorisation();
                }
            }
            return new SourceException(Kind.NEEDS_REAUTHORISATION, 401, e, "%s", refusal);
        }
    }

    private void markNeedsReauthorisation() {
        String flag = store.get(config.tenant(), config.source(), NEEDS_REAUTHORISATION).orElse(null);
        store.compareAndSet(config.tenant(), config.source(), NEEDS_REAUTHORISATION, flag,
                "access token refused (HTTP 401) at " + clock.instant());
        LOG.warn("Shopify refused the access token of {}: marked as needing re-authorisation", config.subject());
    }

    @Override
    public String toString() {
        return "ShopifyAuth[" + config.subject() + ", accessToken=***]";
    }
}
