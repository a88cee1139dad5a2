package io.cairn.core.alert;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.CredentialStore;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The channels of the platform on-call and of each tenant, configured in the encrypted credential store under the
 * pseudo-source {@value #SOURCE} of a tenant (the platform's under the tenant named as platform tenant). Keys:
 * {@code slack.webhook_url}, {@code webhook.url}, {@code pagerduty.routing_key} (+ optional {@code pagerduty.url}),
 * {@code smtp.host}, {@code smtp.port}, {@code smtp.user}, {@code smtp.password}, {@code smtp.starttls},
 * {@code smtp.from}, {@code smtp.to} (comma-separated). Read on every alert, so changes need no restart.
 */
public final class AlertChannels {
    public static final String SOURCE = "_alerts";

    private final CredentialStore store;
    private final TenantId platformTenant;
    private final HttpSender http;

    public AlertChannels(CredentialStore store, TenantId platformTenant, HttpSender http) {
        this.store = requireNonNull(store, "store is null");
        this.platformTenant = requireNonNull(platformTenant, "platformTenant is null");
        this.http = requireNonNull(http, "http is null");
    }

    /** The platform on-call's channels. */
    public List<AlertChannel> platform() {
        return channels(platformTenant);
    }

    /** The tenant's own channels; empty when it has none configured. */
    public List<AlertChannel> tenant(TenantId tenant) {
        return channels(requireNonNull(tenant, "tenant is null"));
    }

    private List<AlertChannel> channels(TenantId owner) {
        List<AlertChannel> channels = new ArrayList<>();
        get(owner, "slack.webhook_url").ifPresent(url -> channels.add(new SlackChannel(uri(owner, url), http)));
        get(owner, "webhook.url").ifPresent(url -> channels.add(new WebhookChannel(uri(owner, url), http)));
        get(owner, "pagerduty.routing_key").ifPresent(key -> channels.add(new PagerDutyChannel(
                get(owner, "pagerduty.url").map(url -> uri(owner, url)).orElse(PagerDutyChannel.DEFAULT_BASE), key,
                http)));
        get(owner, "smtp.host").ifPresent(host -> channels.add(new EmailChannel(smtp(owner, host))));
        return channels;
    }

    private SmtpSettings smtp(TenantId owner, String host) {
        String port = get(owner, "smtp.port").orElse("25");
        String from = get(owner, "smtp.from").orElseThrow(() -> missing(owner, "smtp.from"));
        String to = get(owner, "smtp.to").orElseThrow(() -> missing(owner, "smtp.to"));
        try {
            return new SmtpSettings(host, Integer.parseInt(port), get(owner, "smtp.user").orElse(null),
                    get(owner, "smtp.password").orElse(null), get(owner, "smtp.starttls").map(Boolean::parseBoolean)
                            .orElse(false), from, Arrays.stream(to.split(",")).map(String::strip).toList(),
                    HttpSender.DEFAULT_TIMEOUT);
        } catch (NumberFormatException e) {
            throw new CairnException(ErrorCode.CONFIG, e, "Cannot configure the e-mail alerts of %s: smtp.port '%s' "
                    + "is not a number", owner, port);
        }
    }

    private Optional<String> get(TenantId owner, String key) {
        return store.get(owner, SOURCE, key).filter(value -> !value.isBlank());
    }

    private static URI uri(TenantId owner, String value) {
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.CONFIG, e, "Cannot configure the alert channels of %s: a URL in the "
                    + "credential store is not valid", owner);
        }
    }

    private static CairnException missing(TenantId owner, String key) {
        return new CairnException(ErrorCode.CONFIG, "Cannot configure the e-mail alerts of %s: %s is not set in the "
                + "credential store (source %s)", owner, key, SOURCE);
    }
}
