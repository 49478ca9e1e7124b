package io.followup.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** The seed's example configuration run end to end: events in, steps out to stub servers on schedule. */
class EnrollmentFlowIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String APP = "gupshup_app_12345";

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();
    private final UUID channel = UUID.randomUUID();

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
        String config = """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "steps": [{"interval": "PT30M", "prompt": "Friendly follow-up message"},
                           {"interval": "PT2H", "prompt": "Offer a product demo"}],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "%s",
                   "steps": [{"interval": "P1D", "template_name": "reengagement_v1", "template_language": "en",
                              "template_params": ["{{LEAD_FIRSTNAME}}"]}]}]}
                """.formatted(assistant, trigger, channel, APP);
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
    }

    @Test
    void seedExampleSendsEachStepOnScheduleAndCompletes() {
        String lead = "lead-" + UUID.randomUUID();
        ApiResponse event = statusChanged("e1-" + lead, lead, trigger, clock.instant());
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        assertThat(event.json().get("outcome").asString()).isEqualTo("enrolled");
        String enrollmentId = event.json().get("enrollment_id").asString();

        JsonNode enrollment = enrollment(enrollmentId);
        assertThat(enrollment.get("status").asString()).isEqualTo("active");
        assertThat(enrollment.get("steps")).hasSize(3);
        assertThat(stepState(enrollment, 0)).isEqualTo("scheduled");
        assertThat(stepState(enrollment, 1)).isEqualTo("pending");

        clock.advance(Duration.ofMinutes(29));
        sleepPolls();
        assertThat(aiRequestsFor(lead)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        LoggedRequest first = awaitAiRequest(lead, 1);
        assertSigned(first);
        JsonNode body = JSON.readTree(first.getBodyAsString());
        assertThat(body.get("prompt").asString()).isEqualTo("Friendly follow-up message");
        assertThat(body.get("step_number").asInt()).isEqualTo(1);
        assertThat(body.get("lead_id").asString()).isEqualTo(lead);
        assertThat(body.get("assistant_id").asString()).isEqualTo(assistant.toString());
        assertThat(first.getHeader("Idempotency-Key")).isEqualTo("enrollment:" + enrollmentId + ":step:1");
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 1)));
        assertThat(stepState(enrollment(enrollmentId), 0)).isEqualTo("sent");

        clock.advance(Duration.ofHours(2));
        LoggedRequest second = awaitAiRequest(lead, 2);
        assertSigned(second);
        assertThat(JSON.readTree(second.getBodyAsString()).get("prompt").asString()).isEqualTo("Offer a product demo");
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 2)));

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !templateRequestsFor().isEmpty()
                && "completed".equals(enrollment(enrollmentId).get("status").asString()));
        LoggedRequest template = templateRequestsFor().get(0);
        assertThat(template.getBodyAsString()).contains("destination=5511988887777");
        assertThat(java.net.URLDecoder.decode(template.getBodyAsString(), StandardCharsets.UTF_8))
                .contains("\"id\":\"tpl-42\"").contains("\"params\":[\"Ana\"]");
        JsonNode done = enrollment(enrollmentId);
        assertThat(done.get("steps")).allSatisfy(step -> assertThat(step.get("state").asString()).isEqualTo("sent"));
        assertThat(aiRequestsFor(lead)).hasSize(2);
    }

    @Test
    void replyBetweenStepsStopsTheSequence() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 1)));

        ApiResponse reply = event("""
                {"event_id": "r-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, clock.instant()));
        assertThat(reply.json().get("outcome").asString()).isEqualTo("stopped");

        clock.advance(Duration.ofHours(3));
        sleepPolls();
        assertThat(aiRequestsFor(lead)).hasSize(1);
        JsonNode stopped = enrollment(enrollmentId);
        assertThat(stopped.get("status").asString()).isEqualTo("stopped");
        assertThat(stopped.get("stop_reason").asString()).isEqualTo("Lead replied");
        assertThat(stepState(stopped, 1)).isEqualTo("cancelled");
        assertThat(jdbc.queryForObject("select status from job where id = ?", String.class,
                stopped.get("steps").get(1).get("job_id").asLong())).isEqualTo("cancelled");
    }

    @Test
    void newTriggerReplacesTheRunningEnrollment() {
        String lead = "lead-" + UUID.randomUUID();
        String first = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        ApiResponse again = statusChanged("e2-" + lead, lead, trigger, clock.instant().plusSeconds(1));

        assertThat(again.json().get("outcome").asString()).isEqualTo("replaced");
        assertThat(enrollment(first).get("status").asString()).isEqualTo("stopped");
        String second = again.json().get("enrollment_id").asString();
        assertThat(enrollment(second).get("status").asString()).isEqualTo("active");
        JsonNode list = api.request("GET", "/backend/followup/enrollments?assistant_id=" + assistant + "&lead_id=" + lead)
                .token(tokens.backend(tenant)).send().json();
        assertThat(list.get("total_elements").asLong()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(second);
    }

    @Test
    void repeatedEventChangesNothing() {
        String lead = "lead-" + UUID.randomUUID();
        ApiResponse first = statusChanged("dup-" + lead, lead, trigger, clock.instant());
        ApiResponse repeat = statusChanged("dup-" + lead, lead, trigger, clock.instant());

        assertThat(first.json().get("status").asString()).isEqualTo("processed");
        assertThat(repeat.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(repeat.json().get("outcome").asString()).isEqualTo("enrolled");
        assertThat(jdbc.queryForObject("select count(*) from enrollment where tenant_id = ? and lead_id = ?", Long.class, tenant, lead))
                .isEqualTo(1);
    }

    @Test
    void deletedConfigsEnrollmentStillCompletes() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        String configId = api.request("GET", "/backend/followup/configs/assistant/" + assistant).token(tokens.backend(tenant))
                .send().json().get("id").asString();
        assertThat(api.request("DELETE", "/backend/followup/configs/" + configId).token(tokens.backend(tenant)).send().status())
                .isEqualTo(204);

        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 1)));
        clock.advance(Duration.ofHours(2));
        awaitAiRequest(lead, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 2)));
        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(enrollment(enrollmentId).get("status").asString()));
    }

    @Test
    void freeFormStepOutsideTheWhatsAppWindowIsSkipped() {
        String lead = "lead-" + UUID.randomUUID();
        event("""
                {"event_id": "m-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, clock.instant().minus(Duration.ofHours(25))));
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "skipped".equals(stepState(enrollment(enrollmentId), 0)));

        JsonNode skipped = enrollment(enrollmentId).get("steps").get(0);
        assertThat(skipped.get("error").asString()).contains("More than 24 hours since the lead's last message");
        assertThat(aiRequestsFor(lead)).isEmpty();
        assertThat(stepState(enrollment(enrollmentId), 1)).isEqualTo("scheduled");
    }

    @Test
    void inactiveConfigEnrollsNobody() {
        String configId = api.request("GET", "/backend/followup/configs/assistant/" + assistant).token(tokens.backend(tenant))
                .send().json().get("id").asString();
        api.request("PUT", "/backend/followup/configs/" + configId).token(tokens.backend(tenant)).json("{\"is_active\": false}").send();

        ApiResponse event = statusChanged("e-" + UUID.randomUUID(), "lead-x", trigger, clock.instant());

        assertThat(event.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(event.json().get("detail").asString()).isEqualTo("No active follow-up configuration for this assistant");
    }

    private ApiResponse statusChanged(String eventId, String lead, UUID status, Instant at) {
        return event("""
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s",
                 "lead": {"first_name": "Ana", "phone": "+55 11 98888-7777"}}
                """.formatted(eventId, assistant, lead, channel, status, at));
    }

    private ApiResponse event(String body) {
        return api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json(body).send();
    }

    private JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }

    private static String stepState(JsonNode enrollment, int index) {
        return enrollment.get("steps").get(index).get("state").asString();
    }

    private List<LoggedRequest> aiRequestsFor(String lead) {
        return stub.findAll(postRequestedFor(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead))));
    }

    private List<LoggedRequest> templateRequestsFor() {
        return stub.findAll(postRequestedFor(urlEqualTo("/gupshup/wa/api/v1/template/msg"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("destination=5511988887777")));
    }

    private LoggedRequest awaitAiRequest(String lead, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> aiRequestsFor(lead).size() >= count);
        List<LoggedRequest> requests = aiRequestsFor(lead);
        assertThat(requests).hasSize(count);
        return requests.get(count - 1);
    }

    private static void assertSigned(LoggedRequest request) {
        String timestamp = request.getHeader("X-Followup-Timestamp");
        String expected = "sha256=" + hmac("test-secret", timestamp + "." + request.getBodyAsString());
        assertThat(request.getHeader("X-Followup-Signature")).isEqualTo(expected);
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Lets a few poll cycles pass, to show that something does NOT happen. */
    private static void sleepPolls() {
        try {
            Thread.sleep(600);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
