package io.cairn.core.alert;

import io.cairn.spi.CairnException;
import io.cairn.spi.source.CredentialStore;
import org.junit.jupiter.api.Test;

import static io.cairn.core.alert.AlertFixtures.ACME;
import static io.cairn.core.alert.AlertFixtures.HTTP;
import static io.cairn.core.alert.AlertFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertChannelsTest {
    private final CredentialStore store = CredentialStore.inMemory();
    private final AlertChannels channels = new AlertChannels(store, PLATFORM, HTTP);

    private void put(String key, String value) {
        store.compareAndSet(ACME, AlertChannels.SOURCE, key, null, value);
    }

    @Test
    void everyConfiguredChannelIsBuiltAndSecretsStayOutOfToString() {
        put("slack.webhook_url", "https://hooks.slack.test/services/T0/B0/SECRETPATH");
        put("webhook.url", "https://hooks.acme.test/cairn");
        put("pagerduty.routing_key", "SECRETROUTING");
        put("smtp.host", "smtp.acme.test");
        put("smtp.port", "2525");
        put("smtp.user", "alerts");
        put("smtp.password", "SECRETPASSWORD");
        put("smtp.from", "cairn@acme.test");
        put("smtp.to", "a@acme.test, b@acme.test");

        assertThat(channels.tenant(ACME)).extracting(AlertChannel::name)
                .containsExactly("slack", "webhook", "pagerduty", "email");
        assertThat(channels.tenant(ACME).toString()).contains("smtp.acme.test:2525", "[a@acme.test, b@acme.test]",
                "https://events.pagerduty.com/v2/enqueue")
                .doesNotContain("SECRETPATH", "SECRETROUTING", "SECRETPASSWORD");
        assertThat(channels.platform()).as("the platform has its own configuration").isEmpty();
    }

    @Test
    void emailWithoutSenderFailsNamingTheKey() {
        put("smtp.host", "smtp.acme.test");
        put("smtp.to", "a@acme.test");

        assertThatThrownBy(() -> channels.tenant(ACME)).isInstanceOf(CairnException.class)
                .hasMessage("Cannot configure the e-mail alerts of acme: smtp.from is not set in the credential store "
                        + "(source _alerts)");
    }
}
