package io.followup.delivery;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health detail {@code deliveryChannels}: after Meta says the channel's token expired (190, fixtures/meta) the
 * channel is listed with since-when and Meta's message, the status stays UP, and once a send goes through it is
 * gone. Details only with scope metrics:read; anonymous callers see the status alone.
 */
class DeliveryChannelsHealthIntegrationTests extends IntegrationTest {

    private static final String SEND = "/meta/v25.0/1065/messages";
    private static final String CHANNEL_KEY = "whatsapp_meta:" + META_CHANNEL;

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();
    private final String ops = tokens.sign(Map.of("scope", TestTokens.METRICS_SCOPE), Duration.ofHours(1));

    @Test
    void aFaultyChannelIsListedWhileItIsFaultyAndTheStatusStaysUp() throws Exception {
        assertThat(health(ops).path("components").path("deliveryChannels").path("details").path("faulty").has(CHANNEL_KEY))
                .as("not listed before any fault").isFalse();
        stub.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(fixture("190-token-expired.json"))));
        enrollOnTheMetaChannel();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> health(ops).path("components").path("deliveryChannels")
                .path("details").path("faulty").has(CHANNEL_KEY));

        JsonNode health = health(ops);
        JsonNode channels = health.path("components").path("deliveryChannels");
        assertThat(health.path("status").asString()).as("a broken token is no reason to restart or unroute").isEqualTo("UP");
        assertThat(channels.path("status").asString()).isEqualTo("UP");
        JsonNode fault = channels.path("details").path("faulty").path(CHANNEL_KEY);
        assertThat(fault.path("since").asString()).isNotBlank();
        assertThat(fault.path("provider_message").asString()).contains("HTTP 401").contains("190");
        assertThat(channels.path("details").path("faulty_channels").asInt()).isPositive();
        ApiResponse component = api.request("GET", "/actuator/health/deliveryChannels").token(ops).send();
        assertThat(component.status()).isEqualTo(200);
        assertThat(component.json().path("details").path("faulty").has(CHANNEL_KEY)).as("the README's curl").isTrue();
        assertThat(api.request("GET", "/actuator/health/deliveryChannels").send().body()).doesNotContain(META_CHANNEL);
        ApiResponse anonymous = api.request("GET", "/actuator/health").send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).as("no details without metrics:read").doesNotContain(META_CHANNEL).doesNotContain("components");

        stub.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.healed\"}]}")));
        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> !health(ops).path("components").path("deliveryChannels")
                .path("details").path("faulty").has(CHANNEL_KEY));
    }

    private JsonNode health(String token) {
        ApiResponse response = api.request("GET", "/actuator/health").token(token).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void enrollOnTheMetaChannel() {
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "meta-app",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, META_CHANNEL)).send().status()).isEqualTo(201);
        String lead = "lead-" + UUID.randomUUID();
        assertThat(api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+5511988887777"}}
                """.formatted(lead, assistant, lead, META_CHANNEL, trigger, clock.instant())).send().status()).isLessThan(300);
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = DeliveryChannelsHealthIntegrationTests.class.getResourceAsStream("/fixtures/meta/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
