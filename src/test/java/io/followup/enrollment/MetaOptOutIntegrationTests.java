package io.followup.enrollment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Meta answers a template send with 131050 (the user stopped marketing messages, fixtures/meta): the lead is opted out. */
class MetaOptOutIntegrationTests extends IntegrationTest {

    private static final String SEND = "/meta/v25.0/1065/messages";

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();

    @Test
    void error131050OptsTheLeadOutAndStopsTheEnrollmentWithTheProvidersWords() throws Exception {
        String phone = "55119" + (10_000_000 + (int) (Math.random() * 89_999_999));
        stub.stubFor(post(urlEqualTo(SEND)).withRequestBody(containing(phone)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("131050-user-stopped-marketing.json"))));
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "meta-app",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"},
                             {"interval": "P1D", "template_name": "reengagement_v2", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, META_CHANNEL);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+%s"}}
                """.formatted(lead, assistant, lead, META_CHANNEL, trigger, clock.instant(), phone)).send()
                .json().get("enrollment_id").asString();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "stopped".equals(enrollment(enrollmentId).get("status").asString()));

        JsonNode stopped = enrollment(enrollmentId);
        assertThat(stopped.get("stop_reason").asString()).isEqualTo("Lead opted out");
        JsonNode step = stopped.get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("failed");
        assertThat(step.get("error").asString()).contains("131050").contains("stop receiving marketing messages");
        assertThat(stopped.get("steps").get(1).get("state").asString()).isEqualTo("cancelled");
        assertThat(stub.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(containing(phone)))).as("never retried").hasSize(1);

        JsonNode optOut = api.request("GET", "/backend/followup/opt-outs?lead_id=" + lead).token(tokens.backend(tenant)).send()
                .json().get("items").get(0);
        assertThat(optOut.get("channel_id").asString()).isEqualTo(META_CHANNEL);
        assertThat(optOut.get("source").asString()).isEqualTo("meta_131050");
        assertThat(optOut.get("detail").asString()).contains("131050");
    }

    private JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = MetaOptOutIntegrationTests.class.getResourceAsStream("/fixtures/meta/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
