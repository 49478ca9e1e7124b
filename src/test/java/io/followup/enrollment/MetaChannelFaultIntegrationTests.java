package io.followup.enrollment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meta says the channel's token expired (code 190, fixtures/meta): the lead's step is not failed one attempt at a
 * time but waits, showing why, and goes out once the token works again.
 */
class MetaChannelFaultIntegrationTests extends IntegrationTest {

    private static final String SEND = "/meta/v25.0/1065/messages";

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();

    @Test
    void anExpiredTokenHoldsTheStepWithoutUsingAttemptsAndItGoesOutOnceFixed() throws Exception {
        stub.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(fixture("190-token-expired.json"))));
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "meta-app",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, META_CHANNEL);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
        String lead = "lead-" + UUID.randomUUID();
        ApiResponse event = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+5511988887777"}}
                """.formatted(lead, assistant, lead, META_CHANNEL, trigger, clock.instant())).send();
        String enrollmentId = event.json().get("enrollment_id").asString();
        long jobId = enrollment(enrollmentId).get("steps").get(0).get("job_id").asLong();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> !stub.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(SEND))).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> "pending".equals(job(jobId).get("status")));

        Map<String, Object> held = job(jobId);
        assertThat(((Number) held.get("attempts")).intValue()).as("a channel fault uses no attempt").isZero();
        JsonNode step = enrollment(enrollmentId).get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("scheduled");
        assertThat(step.get("error").asString()).contains("HTTP 401").contains("190");

        stub.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.after-fix\"}]}")));
        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(enrollment(enrollmentId).get("steps").get(0).get("state").asString()));
        assertThat(job(jobId).get("status")).isEqualTo("succeeded");
    }

    private JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }

    private Map<String, Object> job(long id) {
        return jdbc.queryForMap("SELECT status, attempts FROM job WHERE id = ?", id);
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = MetaChannelFaultIntegrationTests.class.getResourceAsStream("/fixtures/meta/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
