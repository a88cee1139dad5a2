package io.cairn.server.tenants;

import io.cairn.core.alert.AlertChannels;
import io.cairn.core.controlplane.CredentialTable;
import io.cairn.server.errors.ApiException;
import io.cairn.spi.TenantId;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's alert channels: values of the pseudo-source {@value AlertChannels#SOURCE} in the encrypted credential
 * store (webhook URLs and routing keys are secrets too). Write-only: reads return the names that are set.
 */
final class AlertChannelSettings {
    static final Set<String> KEYS = Set.of("slack.webhook_url", "webhook.url", "pagerduty.routing_key",
            "pagerduty.url", "smtp.host", "smtp.port", "smtp.user", "smtp.password", "smtp.starttls", "smtp.from",
            "smtp.to");
    private static final int ATTEMPTS = 5;

    private AlertChannelSettings() {
    }

    /** Fails with 400 naming the first key that is not a channel setting. */
    static void check(Map<String, String> channels) {
        for (String key : channels.keySet()) {
            if (!KEYS.contains(key)) {
                throw ApiException.invalid("alert_channels." + key, "Unknown alert channel setting '%s'; the "
                        + "settings are %s", key, new TreeSet<>(KEYS));
            }
        }
    }

    /** Stores each value; a null value removes the setting. */
    static void write(CredentialTable credentials, TenantId tenant, Map<String, String> channels) {
        channels.forEach((key, value) -> put(credentials, tenant, key, value));
    }

    /** The names of the settings that are set. */
    static List<String> names(CredentialTable credentials, TenantId tenant) {
        return credentials.keys(tenant, AlertChannels.SOURCE);
    }

    private static void put(CredentialTable credentials, TenantId tenant, String key, String value) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String current = credentials.get(tenant, AlertChannels.SOURCE, key).orElse(null);
            if (credentials.compareAndSet(tenant, AlertChannels.SOURCE, key, current, value)) {
                return;
            }
        }
        throw ApiException.conflict("Alert channel setting %s of tenant %s is being changed by another request; "
                + "try again", key, tenant);
    }
}
