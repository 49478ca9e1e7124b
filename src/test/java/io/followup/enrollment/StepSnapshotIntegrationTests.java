package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a step snapshot keeps beside the configured step: its channel and the provider's message ID. */
class StepSnapshotIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();
    private final UUID channel = UUID.randomUUID();

    @BeforeEach
    void config() {
        stub.stubFor(post(urlEqualTo("/followups/messages"))
                .withRequestBody(matchingJsonPath("$.assistant_id", equalTo(assistant.toString())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"message_id\":\"snap-m-1\"}")));
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "steps": [{"interval": "PT30M", "prompt": "Friendly follow-up message"}],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "gs-app",
                   "steps": [{"interval": "P1D", "template_name": "reengagement_v1"}]}]}
                """.formatted(assistant, trigger, channel);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
    }

    @Test
    void eachStepNamesItsChannelAtEnrollmentAndKeepsTheMessageIdOutOfTheAnswer() {
        UUID enrollment = enroll();

        assertThat(stored(enrollment).get(0).get("channel").asString()).isEqualTo("assistant");
        assertThat(stored(enrollment).get(1).get("channel").asString()).isEqualTo("whatsapp_gupshup");

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(stored(enrollment).get(0).get("state").asString()));
        assertThat(stored(enrollment).get(0).get("provider_message_id").asString()).isEqualTo("snap-m-1");
        JsonNode shown = answer(enrollment).get("steps").get(0);
        assertThat(shown.has("provider_message_id")).isFalse();
        assertThat(shown.has("channel")).isFalse();
    }

    @Test
    void aSnapshotStoredBeforeStepsNamedTheirChannelIsStillSent() {
        UUID enrollment = enroll();
        jdbc.update("update enrollment set steps = (select jsonb_agg(s - 'channel' - 'provider_message_id')"
                + " from jsonb_array_elements(steps) s) where id = ?", enrollment);
        assertThat(stored(enrollment).get(0).has("channel")).isFalse();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(stored(enrollment).get(0).get("state").asString()));
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/followups/messages"))
                .withRequestBody(matchingJsonPath("$.assistant_id", equalTo(assistant.toString()))))).hasSize(1);
        assertThat(answer(enrollment).get("steps").get(1).get("state").asString()).isEqualTo("scheduled");
    }

    private UUID enroll() {
        Instant at = clock.instant();
        JsonNode event = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "lead-1",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s",
                 "lead": {"first_name": "Ana", "phone": "+55 11 98888-7777"}}
                """.formatted(UUID.randomUUID(), assistant, channel, trigger, at)).send().json();
        return UUID.fromString(event.get("enrollment_id").asString());
    }

    private JsonNode stored(UUID enrollment) {
        return JSON.readTree(jdbc.queryForObject("select steps::text from enrollment where id = ?", String.class, enrollment));
    }

    private JsonNode answer(UUID enrollment) {
        return api.request("GET", "/backend/followup/enrollments/" + enrollment).token(tokens.backend(tenant)).send().json();
    }
}
