package io.followup.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gupshup throttles with 429, its documented body and {@code X-Rate-Limit-Retry-After-Seconds} (fixtures/gupshup):
 * through the job engine, the step's next run is that many seconds out, not the engine's one-second backoff.
 */
class GupshupThrottlingIntegrationTests extends IntegrationTest {

    private static final int WAIT_SECONDS = 120;

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();

    @Test
    void aThrottledSendRunsAgainAsManySecondsOutAsGupshupsHeaderSays() throws Exception {
        stub.stubFor(get(urlPathEqualTo("/gupshup/wa/app/" + THROTTLED_GUPSHUP_APP + "/template")).willReturn(okJson("""
                {"status":"success","templates":[{"id":"tpl-throttled","elementName":"reengagement_v1","languageCode":"en",
                  "status":"APPROVED","templateType":"TEXT"}]}""")));
        stub.stubFor(post(urlEqualTo("/gupshup/wa/api/v1/template/msg")).withHeader("apikey", equalTo(THROTTLED_GUPSHUP_KEY))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-Rate-Limit-Retry-After-Seconds", Integer.toString(WAIT_SECONDS))
                        .withBody(GupshupDeliveryTests.fixture("429-too-many-requests.json"))));
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "gs-throttled-%s", "channel_name": "WhatsApp", "app_id": "%s",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, tenant, THROTTLED_GUPSHUP_APP)).send().status()).isEqualTo(201);
        String lead = "lead-" + UUID.randomUUID();
        String enrollment = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "gs-throttled-%s", "status_id": "%s", "occurred_at": "%s",
                 "lead": {"first_name": "Ana", "phone": "+5511977776666"}}
                """.formatted(lead, assistant, lead, tenant, trigger, clock.instant())).send().json().get("enrollment_id").asString();
        long job = api.request("GET", "/backend/followup/enrollments/" + enrollment).token(tokens.backend(tenant)).send()
                .json().get("steps").get(0).get("job_id").asLong();

        clock.advance(Duration.ofMinutes(30));
        Instant due = clock.instant();
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) row(job).get("attempts")).intValue() == 1
                && "pending".equals(row(job).get("status")));

        Map<String, Object> row = row(job);
        Instant next = ((Timestamp) row.get("run_at")).toInstant();
        assertThat(next).as("the wait Gupshup named, not the one-second backoff")
                .isAfterOrEqualTo(due.plusSeconds(WAIT_SECONDS)).isBefore(due.plusSeconds(WAIT_SECONDS + 10));
        assertThat((String) row.get("last_error")).contains("HTTP 429").contains("Too Many Requests");
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, attempts, run_at, last_error FROM job WHERE id = ?", id);
    }
}
