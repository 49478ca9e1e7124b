package io.followup.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.followup.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seed's example configuration run end to end: events in, steps out to stub servers on schedule. */
class EnrollmentFlowIntegrationTests extends EnrollmentFixture {

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
                {"event_id": "m-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "channel_id": "%s",
                 "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, channel, clock.instant().minus(Duration.ofHours(25))));
        String enrollmentId = statusChangedWithoutInbound("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();

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
}
