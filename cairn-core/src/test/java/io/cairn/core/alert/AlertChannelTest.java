package io.cairn.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cairn.spi.CairnException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.cairn.core.alert.AlertFixtures.ACME;
import static io.cairn.core.alert.AlertFixtures.HTTP;
import static io.cairn.core.alert.AlertFixtures.resolve;
import static io.cairn.core.alert.AlertFixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each channel against a real local receiver: an HTTP server on 127.0.0.1, GreenMail for SMTP. */
class AlertChannelTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@cairn.test", "alerts", "s3cret"));

    private HttpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new HttpReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void slackGetsTextAndBlocks() {
        new SlackChannel(receiver.uri("/services/T0/B0/xyz"), HTTP).send(trigger(ACME));

        HttpReceiver.Request request = receiver.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/services/T0/B0/xyz");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = request.json();
        assertThat(body.get("text").asText())
                .isEqualTo(":red_circle: FAILING: tenant acme: pipeline daily failed 2 runs in a row");
        assertThat(body.get("blocks")).hasSize(2);
        assertThat(body.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(body.at("/blocks/0/text/text").asText()).contains("pipeline `daily`, run `run-42`");
        assertThat(body.at("/blocks/1/text/text").asText())
                .isEqualTo("• sync/acme/shopify: failed after 1 attempt(s): AuthException: 401 Unauthorized");
    }

    @Test
    void webhookGetsOneJsonEvent() {
        new WebhookChannel(receiver.uri("/hooks/cairn"), HTTP).send(resolve(ACME));

        JsonNode body = receiver.requests().get(0).json();
        assertThat(body.get("event").asText()).isEqualTo("resolve");
        assertThat(body.get("key").asText()).isEqualTo("tenant/daily/acme");
        assertThat(body.get("severity").asText()).isEqualTo("error");
        assertThat(body.get("summary").asText()).isEqualTo("tenant acme: pipeline daily recovered");
        assertThat(body.get("tenant").asText()).isEqualTo("acme");
        assertThat(body.get("pipeline").asText()).isEqualTo("daily");
        assertThat(body.get("run_id").asText()).isEqualTo("run-43");
        assertThat(body.get("at").asText()).isEqualTo("2025-03-01T11:00:00Z");
        assertThat(body.get("details")).isEmpty();
    }

    @Test
    void pagerDutyTriggersAndResolvesOneIncidentByDedupKey() {
        PagerDutyChannel channel = new PagerDutyChannel(receiver.uri(""), "R0UT1NGKEY", HTTP);
        channel.send(trigger(null));
        channel.send(resolve(null));

        List<HttpReceiver.Request> requests = receiver.requests();
        assertThat(requests).extracting(HttpReceiver.Request::path).containsExactly("/v2/enqueue", "/v2/enqueue");
        JsonNode triggered = requests.get(0).json();
        assertThat(triggered.get("routing_key").asText()).isEqualTo("R0UT1NGKEY");
        assertThat(triggered.get("event_action").asText()).isEqualTo("trigger");
        assertThat(triggered.get("dedup_key").asText()).isEqualTo("tenant/daily/acme");
        assertThat(triggered.at("/payload/summary").asText())
                .isEqualTo("tenant acme: pipeline daily failed 2 runs in a row");
        assertThat(triggered.at("/payload/source").asText()).isEqualTo("cairn/daily");
        assertThat(triggered.at("/payload/severity").asText()).isEqualTo("error");
        JsonNode resolved = requests.get(1).json();
        assertThat(resolved.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolved.get("dedup_key").asText()).isEqualTo("tenant/daily/acme");
        assertThat(resolved.has("payload")).as("a resolve needs no payload").isFalse();
    }

    @Test
    void serverErrorIsTriedOnceMore() {
        receiver.answer(503);
        new WebhookChannel(receiver.uri("/hook"), HTTP).send(trigger(ACME));

        assertThat(receiver.requests()).as("one 503, then the retry that got 200").hasSize(2);
        assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
    }

    @Test
    void secondServerErrorFailsNamingTheStatus() {
        receiver.answer(500, 502);
        WebhookChannel channel = new WebhookChannel(receiver.uri("/secret-token"), HTTP);

        assertThatThrownBy(() -> channel.send(trigger(ACME))).isInstanceOf(CairnException.class)
                .hasMessageContaining("HTTP 502").hasMessageNotContaining("secret-token");
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void clientErrorIsNotRetried() {
        receiver.answer(400);
        SlackChannel channel = new SlackChannel(receiver.uri("/hook"), HTTP);

        assertThatThrownBy(() -> channel.send(trigger(ACME))).hasMessageContaining("HTTP 400");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void emailIsDeliveredOverAuthenticatedSmtp() throws Exception {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "alerts", "s3cret", false,
                "cairn@cairn.test", List.of("oncall@acme.test", "data@acme.test"), Duration.ofSeconds(5));
        new EmailChannel(settings).send(trigger(ACME));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("one copy per recipient").hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("[cairn] FAILING: tenant acme: pipeline daily failed 2 runs in a row");
        assertThat(message.getFrom()[0].toString()).isEqualTo("cairn@cairn.test");
        assertThat(message.getHeader("X-Cairn-Alert-Key")[0]).isEqualTo("tenant/daily/acme");
        assertThat(GreenMailUtil.getBody(message).replace("\r\n", "\n").strip()).isEqualTo("""
                FAILING: tenant acme: pipeline daily failed 2 runs in a row

                pipeline: daily
                run: run-42
                tenant: acme
                at: 2025-03-01T10:00:00Z

                failed tasks:
                  sync/acme/shopify: failed after 1 attempt(s): AuthException: 401 Unauthorized\
                """);
        assertThat(settings.toString()).doesNotContain("s3cret");
    }
}
