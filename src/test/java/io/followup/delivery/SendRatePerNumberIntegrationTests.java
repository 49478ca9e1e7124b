package io.followup.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the real job engine: three template steps due at once on a number allowed one send a second. One goes
 * out; the others are put back for the wait the limiter computed and go out one by one, each having used only
 * the attempt that sent it.
 */
class SendRatePerNumberIntegrationTests extends IntegrationTest {

    private static final String SEND = "/meta/v25.0/" + RATE_LIMITED_NUMBER + "/messages";

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();

    @Test
    void stepsFindingTheirNumbersBudgetSpentWaitWithoutUsingAttempts() {
        stub.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.rate\"}]}")));
        int before = stub.findAll(postRequestedFor(urlEqualTo(SEND))).size();
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "meta-app",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, RATE_LIMITED_CHANNEL)).send().status()).isEqualTo(201);
        List<Long> jobs = List.of(enroll("lead-a-" + UUID.randomUUID()), enroll("lead-b-" + UUID.randomUUID()),
                enroll("lead-c-" + UUID.randomUUID()));

        clock.advance(Duration.ofMinutes(30));
        Instant due = clock.instant();
        // One a second: the first goes out, the others wait a second or two (and a random spread).
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                jobs.stream().filter(job -> "succeeded".equals(job(job).get("status"))).count() == 1
                        && jobs.stream().filter(job -> runAt(job).isAfter(due)).count() == 2);

        List<Long> held = jobs.stream().filter(job -> runAt(job).isAfter(due)).toList();
        for (long job : held) {
            Map<String, Object> waiting = job(job);
            assertThat(waiting.get("status")).isIn("pending", "running", "succeeded");
            assertThat(((Number) waiting.get("attempts")).intValue()).as("a spent budget uses no attempt").isLessThanOrEqualTo(1);
            assertThat(runAt(job)).as("put back for the limiter's wait: at most two sends' worth and the spread")
                    .isBeforeOrEqualTo(due.plusSeconds(2).plus(SendRate.SPREAD).plusSeconds(2));
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                jobs.stream().allMatch(job -> "succeeded".equals(job(job).get("status"))));
        assertThat(jobs).allSatisfy(job -> assertThat(((Number) job(job).get("attempts")).intValue())
                .as("each step used the one attempt that sent it, however often it was put back").isEqualTo(1));
        assertThat(stub.findAll(postRequestedFor(urlEqualTo(SEND)))).hasSize(before + 3);
    }

    /** Enrolls a lead; returns the job of its one step. */
    private long enroll(String lead) {
        String enrollment = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+5511988887777"}}
                """.formatted(lead, assistant, lead, RATE_LIMITED_CHANNEL, trigger, clock.instant())).send()
                .json().get("enrollment_id").asString();
        return api.request("GET", "/backend/followup/enrollments/" + enrollment).token(tokens.backend(tenant)).send()
                .json().get("steps").get(0).get("job_id").asLong();
    }

    private Instant runAt(long job) {
        return jdbc.queryForObject("SELECT run_at FROM job WHERE id = ?", java.sql.Timestamp.class, job).toInstant();
    }

    private Map<String, Object> job(long id) {
        return jdbc.queryForMap("SELECT status, attempts FROM job WHERE id = ?", id);
    }
}
