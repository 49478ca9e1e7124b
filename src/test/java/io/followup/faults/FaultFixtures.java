package io.followup.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.TestTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Configurations, lead events and the sends a stub server saw, shared by the fault tests. */
final class FaultFixtures {

    static final String WEBHOOK = "/followups/messages";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestTokens TOKENS = TestTokens.get();

    private FaultFixtures() {
    }

    /** A tenant with one assistant whose configuration has AI steps of these intervals. */
    record Sequence(UUID tenant, UUID assistant, UUID trigger, UUID channel) {

        static Sequence random() {
            return new Sequence(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }

        String token() {
            return TOKENS.backend(tenant);
        }

        String config(String... intervals) {
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < intervals.length; i++) {
                steps.add("{\"interval\": \"%s\", \"prompt\": \"Step %d\"}".formatted(intervals[i], i + 1));
            }
            return "{\"assistant_id\": \"%s\", \"trigger_status_ids\": [\"%s\"], \"steps\": [%s]}"
                    .formatted(assistant, trigger, String.join(", ", steps));
        }

        ApiResponse create(ApiClient api, String... intervals) {
            return api.request("POST", "/backend/followup/configs").token(token()).json(config(intervals)).send();
        }

        String event(String lead) {
            return """
                    {"event_id": "enter-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                     "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+5511988887777"}}
                    """.formatted(lead, assistant, lead, channel, trigger, Instant.now());
        }

        /** Enrolls {@code count} new leads, in batches of 100 events; returns the enrollment IDs. */
        List<String> enroll(ApiClient api, int count) {
            List<String> enrollments = new ArrayList<>();
            for (int start = 0; start < count; start += 100) {
                List<String> events = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + 100); i++) {
                    events.add(event("lead-" + UUID.randomUUID()));
                }
                ApiResponse response = api.request("POST", "/backend/followup/events").token(token())
                        .json("[" + String.join(",", events) + "]").send();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                for (JsonNode result : response.json().get("results")) {
                    assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("enrolled");
                    enrollments.add(result.get("enrollment_id").asString());
                }
            }
            return enrollments;
        }
    }

    /** Makes every pending job due now, as if its wait had passed. */
    static int makeDue(JdbcTemplate jdbc) {
        return jdbc.update("UPDATE job SET run_at = now() WHERE status = 'pending' AND run_at > now()");
    }

    static long count(JdbcTemplate jdbc, String where, Object... args) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM job WHERE " + where, Long.class, args);
        return count == null ? 0 : count;
    }

    /** What one step delivery looked like on the wire. */
    record Send(String enrollmentId, int step, String idempotencyKey, String bodyKey) {
    }

    /** Every webhook call the stub saw, grouped by enrollment and step ("id:step"), in arrival order. */
    static Map<String, List<Send>> sendsByStep(WireMockServer stub) {
        Map<String, List<Send>> sends = new LinkedHashMap<>();
        for (LoggedRequest request : stub.findAll(postRequestedFor(urlEqualTo(WEBHOOK)))) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            Send send = new Send(body.get("enrollment_id").asString(), body.get("step_number").asInt(),
                    request.getHeader("Idempotency-Key"), body.get("idempotency_key").asString());
            sends.computeIfAbsent(send.enrollmentId() + ":" + send.step(), key -> new ArrayList<>()).add(send);
        }
        return sends;
    }
}
