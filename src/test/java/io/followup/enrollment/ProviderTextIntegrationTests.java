package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Texts from outside (provider answers, error messages) that are longer than their column or hold what
 * PostgreSQL refuses, through the whole flow: the step's job fails and its enrollment ends with it, the
 * texts stored cut to their columns and readable back.
 */
class ProviderTextIntegrationTests extends IntegrationTest {

    private static final String APP = "gupshup_app_12345";

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();
    private final UUID channel = UUID.randomUUID();

    @Test
    void permanentRefusalWithALongBodyFailsTheEnrollment() {
        String lead = "lead-" + UUID.randomUUID();
        String body = "{\"error\":\"invalid_request\",\"message\":\"" + "The lead cannot receive this follow-up. ".repeat(10) + "\"}";
        assertThat(body.length()).isGreaterThan(400);
        stub.stubFor(post(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(body)));
        createConfig("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"], "steps": [{"interval": "PT30M", "prompt": "Check in"}]}
                """.formatted(assistant, trigger));
        String enrollmentId = enroll(lead);

        clock.advance(Duration.ofMinutes(30));
        JsonNode failed = awaitEnded(enrollmentId);

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        String reason = failed.get("stop_reason").asString();
        assertThat(reason).startsWith("Step 1 failed: Assistant service answered HTTP 400: {\"error\":\"invalid_request\"");
        assertThat(reason.codePointCount(0, reason.length())).isLessThanOrEqualTo(Enrollment.MAX_STOP_REASON);
        JsonNode step = failed.get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("failed");
        assertThat(step.get("error").asString()).startsWith("Assistant service answered HTTP 400").contains("cannot receive");
        Map<String, Object> job = jdbc.queryForMap("SELECT status, last_error FROM job WHERE id = ?", step.get("job_id").asLong());
        assertThat(job.get("status")).isEqualTo("failed");
        assertThat((String) job.get("last_error")).startsWith("Assistant service answered HTTP 400");
    }

    /** The template list is provider data: a status with NUL, multi-byte letters and emoji ends up in the error texts. */
    @Test
    void worstProviderTextIsStoredCutAndReadable() {
        String lead = "lead-" + UUID.randomUUID();
        String template = "worst_text_" + UUID.randomUUID().toString().replace("-", "");
        String status = "\\u0000PEND\\u0000ÊNCIA ção " + "😀".repeat(1200);
        stub.stubFor(get(urlPathEqualTo("/gupshup/wa/app/" + APP + "/template")).willReturn(okJson("""
                {"status":"success","templates":[
                  {"id":"tpl-42","elementName":"reengagement_v1","languageCode":"en","status":"APPROVED"},
                  {"id":"tpl-w","elementName":"%s","languageCode":"en","status":"%s"}]}
                """.formatted(template, status))));
        createConfig("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"], "steps": [],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "%s",
                   "steps": [{"interval": "PT1H", "template_name": "%s", "template_language": "en", "template_params": []}]}]}
                """.formatted(assistant, trigger, channel, APP, template));
        String enrollmentId = enroll(lead);

        clock.advance(Duration.ofHours(1));
        JsonNode failed = awaitEnded(enrollmentId);

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        String reason = failed.get("stop_reason").asString();
        assertThat(reason).startsWith("Step 1 failed: Gupshup template " + template).contains("PENDÊNCIA ção 😀");
        assertStorable(reason, Enrollment.MAX_STOP_REASON);
        String stepError = failed.get("steps").get(0).get("error").asString();
        assertThat(stepError).startsWith("Gupshup template " + template);
        assertStorable(stepError, EnrollmentStep.MAX_ERROR);
        String lastError = jdbc.queryForObject("SELECT last_error FROM job WHERE id = ?", String.class,
                failed.get("steps").get(0).get("job_id").asLong());
        assertThat(lastError).startsWith("Gupshup template " + template);
        assertStorable(lastError, 2000);
    }

    /** No NUL, no half of a surrogate pair, at most {@code max} characters as PostgreSQL counts them. */
    private static void assertStorable(String text, int max) {
        assertThat(text).doesNotContain("\u0000");
        assertThat(text.chars().filter(c -> Character.isSurrogate((char) c)).count()).as("UTF-16 halves")
                .isEqualTo(2L * text.codePoints().filter(Character::isSupplementaryCodePoint).count());
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(max);
    }

    private void createConfig(String config) {
        ApiResponse created = api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String enroll(String lead) {
        ApiResponse event = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s",
                 "lead": {"first_name": "Ana", "phone": "+55 11 98888-7777"}}
                """.formatted(lead, assistant, lead, channel, trigger, clock.instant())).send();
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        return event.json().get("enrollment_id").asString();
    }

    private JsonNode awaitEnded(String enrollmentId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !"active".equals(enrollment(enrollmentId).get("status").asString()));
        return enrollment(enrollmentId);
    }

    private JsonNode enrollment(String id) {
        return api.request("GET", "/backend/followup/enrollments/" + id).token(tokens.backend(tenant)).send().json();
    }
}
