package io.followup.enrollment;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Event intake (batches, bad events) and what a refused or failing delivery does to an enrollment. */
class LeadEventsIntegrationTests extends IntegrationTest {

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();

    @BeforeEach
    void aiOnlyConfig() {
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "steps": [{"interval": "PT30M", "prompt": "Hello again"}, {"interval": "PT1H", "prompt": "Last try"}]}
                """.formatted(assistant, trigger);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
    }

    @Test
    void batchProcessesEachEventOnItsOwn() {
        String body = "[" + statusChanged("b1", "lead-b1") + ", "
                + "{\"event_id\": \"b2\", \"type\": \"lead.status_changed\", \"assistant_id\": \"not-a-uuid\"}, "
                + statusChanged("b1", "lead-b1") + ", "
                + "{\"event_id\": \"b4\", \"type\": \"lead.teleported\", \"assistant_id\": \"" + assistant + "\", \"lead_id\": \"x\", "
                + "\"occurred_at\": \"" + clock.instant() + "\"}]";

        ApiResponse response = events(body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("status").asString()).isEqualTo("processed");
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("enrolled");
        assertThat(results.get(1).get("status").asString()).isEqualTo("rejected");
        assertThat(results.get(1).get("event_id").asString()).isEqualTo("b2");
        assertThat(results.get(1).get("errors").has("assistant_id")).isTrue();
        assertThat(results.get(2).get("status").asString()).isEqualTo("duplicate");
        assertThat(results.get(3).get("status").asString()).isEqualTo("rejected");
        assertThat(results.get(3).get("errors").get("type").asString()).startsWith("Unknown event type");
        assertThat(jdbc.queryForObject("select count(*) from enrollment where tenant_id = ?", Long.class, tenant)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from lead_event where tenant_id = ?", Long.class, tenant)).isEqualTo(1);
    }

    @Test
    void badSingleEventIs400NamingTheFieldsAndRecordsNothing() {
        ApiResponse response = events("""
                {"event_id": "", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "l", "occurred_at": "yesterday"}
                """.formatted(assistant));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").has("event_id")).isTrue();
        assertThat(response.json().get("errors").has("channel_id")).isTrue();
        assertThat(response.json().get("errors").has("status_id")).isTrue();
        assertThat(response.json().get("errors").has("occurred_at")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from lead_event where tenant_id = ?", Long.class, tenant)).isZero();
    }

    @Test
    void aNationalPhoneIsRefusedAtIntakeAndAnInternationalOneWithSeparatorsIsTaken() {
        // Without a country code a template would reach whoever has that number in another country.
        for (String phone : new String[] {"11988887777", "(11) 98888-7777", "+55 11", "5511988887777"}) {
            ApiResponse response = events("""
                    {"event_id": "p-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "lead-p",
                     "channel_id": "c", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "%s"}}
                    """.formatted(UUID.randomUUID(), assistant, trigger, clock.instant(), phone));

            assertThat(response.status()).as(phone + " answered " + response).isEqualTo(400);
            assertThat(response.json().get("errors").get("lead.phone").asString()).startsWith("Must be an international number");
        }
        ApiResponse numeric = events("""
                {"event_id": "p-n", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "lead-p",
                 "channel_id": "c", "status_id": "%s", "occurred_at": "%s", "lead": {"phone": 5511988887777}}
                """.formatted(assistant, trigger, clock.instant()));
        assertThat(numeric.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from lead_event where tenant_id = ?", Long.class, tenant)).isZero();

        ApiResponse international = events("""
                {"event_id": "p-ok", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "lead-p",
                 "channel_id": "c", "status_id": "%s", "occurred_at": "%s", "lead": {"phone": "+55 (11) 98888-7777"}}
                """.formatted(assistant, trigger, clock.instant()));
        assertThat(international.status()).as(international.toString()).isEqualTo(200);
    }

    @Test
    void emptyOrOversizedBatchIsRefused() {
        assertThat(events("[]").status()).isEqualTo(400);
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i <= LeadEventIntake.MAX_BATCH; i++) {
            big.append(i == 0 ? "" : ",").append(statusChanged("big-" + i, "lead-big-" + i));
        }
        ApiResponse response = events(big.append("]").toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("body").asString()).contains("1 to 100 events");
        assertThat(jdbc.queryForObject("select count(*) from lead_event where tenant_id = ?", Long.class, tenant)).isZero();
    }

    @Test
    void eventsNeedTheEventsScope() {
        ApiResponse response = api.request("POST", "/backend/followup/events")
                .token(tokens.backend(tenant, "followup-configs:read followup-configs:write"))
                .json(statusChanged("s1", "lead-s1")).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("Required scope \"followup-events:write\" not found in token");
    }

    @Test
    void refusedDeliveryFailsTheStepAtOnceAndEndsTheEnrollment() {
        String lead = "lead-refused-" + UUID.randomUUID();
        stub.stubFor(post(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead)))
                .atPriority(1).willReturn(aResponse().withStatus(422).withBody("{\"error\":\"unknown lead\"}")));
        String id = events(statusChanged("f1-" + lead, lead)).json().get("enrollment_id").asString();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(enrollment(id).get("status").asString()));

        JsonNode failed = enrollment(id);
        assertThat(failed.get("steps").get(0).get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("steps").get(0).get("error").asString()).contains("422");
        assertThat(failed.get("steps").get(1).get("state").asString()).isEqualTo("pending");
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/followups/messages"))
                .withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead))))).hasSize(1);
    }

    @Test
    void unavailableAssistantIsRetriedAndTheStepShowsTheError() {
        String lead = "lead-down-" + UUID.randomUUID();
        stub.stubFor(post(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead)))
                .atPriority(1).willReturn(aResponse().withStatus(503)));
        String id = events(statusChanged("d1-" + lead, lead)).json().get("enrollment_id").asString();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> enrollment(id).get("steps").get(0).has("error"));
        long jobId = enrollment(id).get("steps").get(0).get("job_id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "pending".equals(
                jdbc.queryForObject("select status from job where id = ?", String.class, jobId)));

        assertThat(enrollment(id).get("status").asString()).isEqualTo("active");
        assertThat(enrollment(id).get("steps").get(0).get("state").asString()).isEqualTo("scheduled");
        assertThat(enrollment(id).get("steps").get(0).get("error").asString()).contains("503");
        assertThat(jdbc.queryForObject("select attempts from job where id = ?", Integer.class, jobId)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select last_error from job where id = ?", String.class, jobId)).contains("503");
    }

    private String statusChanged(String eventId, String lead) {
        return """
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "web", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Bo"}}
                """.formatted(eventId, assistant, lead, trigger, clock.instant());
    }

    private ApiResponse events(String body) {
        return api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json(body).send();
    }

    private JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }
}
