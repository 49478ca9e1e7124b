package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seed's example configuration for the assistant, stub answers for every send, and the calls tests make. */
abstract class EnrollmentFixture extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String APP = "gupshup_app_12345";

    final WireMockServer stub = StubServers.assistant();
    final UUID tenant = UUID.randomUUID();
    final UUID assistant = UUID.randomUUID();
    final UUID trigger = UUID.randomUUID();
    final UUID channel = UUID.randomUUID();

    @BeforeEach
    void stubs() {
        stub.stubFor(post(urlEqualTo("/followups/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"message_id\":\"m-1\"}")));
        stub.stubFor(get(urlPathEqualTo("/gupshup/wa/app/" + APP + "/template"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"status":"success","templates":[
                          {"id":"tpl-42","elementName":"reengagement_v1","languageCode":"en","status":"APPROVED"}]}
                        """)));
        stub.stubFor(post(urlEqualTo("/gupshup/wa/api/v1/template/msg"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"submitted\",\"messageId\":\"g-1\"}")));
        createConfig(tenant);
    }

    /** The seed's example configuration for this test's assistant, created under {@code tenantId}. */
    void createConfig(UUID tenantId) {
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "steps": [{"interval": "PT30M", "prompt": "Friendly follow-up message"},
                           {"interval": "PT2H", "prompt": "Offer a product demo"}],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "%s",
                   "steps": [{"interval": "P1D", "template_name": "reengagement_v1", "template_language": "en",
                              "template_params": ["{{LEAD_FIRSTNAME}}"]}]}]}
                """.formatted(assistant, trigger, channel, APP);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenantId)).json(config).send().status())
                .isEqualTo(201);
    }

    /**
     * The lead enters {@code status} on the official channel, having last written {@code at}: the AI steps of the seed
     * example are free-form messages on that channel, which WhatsApp allows only in the 24-hour window.
     */
    ApiResponse statusChanged(String eventId, String lead, UUID status, Instant at) {
        return statusChanged(eventId, lead, status, at, ", \"last_inbound_at\": \"" + at + "\"");
    }

    /** The same trigger with no inbound time: the lead's window stays as known before (unknown: closed). */
    ApiResponse statusChangedWithoutInbound(String eventId, String lead, UUID status, Instant at) {
        return statusChanged(eventId, lead, status, at, "");
    }

    private ApiResponse statusChanged(String eventId, String lead, UUID status, Instant at, String extra) {
        return event("""
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s"%s,
                 "lead": {"first_name": "Ana", "phone": "+55 11 98888-7777"}}
                """.formatted(eventId, assistant, lead, channel, status, at, extra));
    }

    ApiResponse event(String body) {
        return api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json(body).send();
    }

    JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }

    static String stepState(JsonNode enrollment, int index) {
        return enrollment.get("steps").get(index).get("state").asString();
    }

    List<LoggedRequest> aiRequestsFor(String lead) {
        return stub.findAll(postRequestedFor(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead))));
    }

    List<LoggedRequest> templateRequestsFor() {
        return stub.findAll(postRequestedFor(urlEqualTo("/gupshup/wa/api/v1/template/msg"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("destination=5511988887777")));
    }

    LoggedRequest awaitAiRequest(String lead, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> aiRequestsFor(lead).size() >= count);
        List<LoggedRequest> requests = aiRequestsFor(lead);
        assertThat(requests).hasSize(count);
        return requests.get(count - 1);
    }

    /** Lets a few poll cycles pass, to show that something does NOT happen. */
    static void sleepPolls() {
        try {
            Thread.sleep(600);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
