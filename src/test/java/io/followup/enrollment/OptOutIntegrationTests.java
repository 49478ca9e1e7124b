package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.followup.support.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Leads who opted out of a channel get nothing more there: the lead.opted_out event, the list, the opt-in again. */
class OptOutIntegrationTests extends EnrollmentFixture {

    @Autowired
    private LeadOptOuts optOuts;

    @Test
    void leadOptedOutStopsTheRunningEnrollmentRefusesNewTriggersAndDeletingItOptsTheLeadIn() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();

        ApiResponse optedOut = optedOut(lead, channel.toString(), clock.instant());
        assertThat(optedOut.json().get("outcome").asString()).isEqualTo("stopped");
        assertThat(optedOut.json().get("enrollment_id").asString()).isEqualTo(enrollmentId);
        JsonNode stopped = enrollment(enrollmentId);
        assertThat(stopped.get("status").asString()).isEqualTo("stopped");
        assertThat(stopped.get("stop_reason").asString()).isEqualTo("Lead opted out");

        JsonNode listed = list("?lead_id=" + lead).get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("channel_id").asString()).isEqualTo(channel.toString());
        assertThat(listed.get(0).get("source").asString()).isEqualTo("lead_opted_out");

        ApiResponse again = statusChanged("e2-" + lead, lead, trigger, clock.instant().plusSeconds(1));
        assertThat(again.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(again.json().get("detail").asString()).contains("opted out");
        assertThat(again.json().has("enrollment_id")).isFalse();

        assertThat(delete(channel.toString(), lead).status()).isEqualTo(204);
        ApiResponse missing = delete(channel.toString(), lead);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
        assertThat(statusChanged("e3-" + lead, lead, trigger, clock.instant().plusSeconds(2)).json().get("outcome").asString())
                .isEqualTo("enrolled");
    }

    @Test
    void anOptOutWithNothingRunningIsRecordedAndOnlyOnItsChannel() {
        String lead = "lead-" + UUID.randomUUID();

        ApiResponse optedOut = optedOut(lead, "other-channel", clock.instant());

        assertThat(optedOut.json().get("outcome").asString()).isEqualTo("recorded");
        assertThat(optedOut.json().get("detail").asString()).isEqualTo("Opt-out recorded");
        ApiResponse again = optedOut(lead, "other-channel", clock.instant());
        assertThat(again.json().get("outcome").asString()).isEqualTo("recorded");
        assertThat(again.json().get("detail").asString()).as("a second opt-out says the first one stands")
                .isEqualTo("The lead had already opted out of channel other-channel; that first opt-out is kept");
        assertThat(statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("outcome").asString())
                .as("another channel is not opted out").isEqualTo("enrolled");
    }

    @Test
    void aStepWhoseLeadOptedOutMeanwhileStopsTheEnrollmentInsteadOfSending() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        // As if another instance recorded it between the trigger and the step (the opt-out paths stop the enrollment too).
        jdbc.update("INSERT INTO lead_opt_out (tenant_id, channel_id, lead_id, source, opted_out_at) VALUES (?, ?, ?, 'stop_keyword', now())",
                tenant, channel.toString(), lead);

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> "stopped".equals(enrollment(enrollmentId).get("status").asString()));

        assertThat(enrollment(enrollmentId).get("stop_reason").asString()).isEqualTo("Lead opted out");
        assertThat(stepState(enrollment(enrollmentId), 0)).isEqualTo("cancelled");
        sleepPolls();
        assertThat(aiRequestsFor(lead)).isEmpty();
    }

    @Test
    void optOutOfStepRecordsTheEnrollmentsLeadAndStopsIt() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();

        optOuts.optOutOfStep(UUID.fromString(enrollmentId), LeadOptOuts.GUPSHUP_1012, "1012 Number Opted Out: " + "x".repeat(600));

        assertThat(enrollment(enrollmentId).get("stop_reason").asString()).isEqualTo("Lead opted out");
        JsonNode listed = list("?lead_id=" + lead + "&channel_id=" + channel).get("items").get(0);
        assertThat(listed.get("source").asString()).isEqualTo("gupshup_1012");
        assertThat(listed.get("detail").asString()).startsWith("1012 Number Opted Out").hasSize(OptOutRecords.MAX_DETAIL);
    }

    @Test
    void theListIsTheTenantsNewestFirstFilteredAndPaged() {
        Instant now = clock.instant();
        optedOut("lead-a", "channel-1", now.minusSeconds(30));
        optedOut("lead-b", "channel-1", now.minusSeconds(10));
        optedOut("lead-a", "channel-2", now.minusSeconds(20));
        ApiResponse otherTenant = api.request("GET", "/backend/followup/opt-outs").token(tokens.backend(UUID.randomUUID())).send();

        JsonNode all = list("");
        assertThat(all.get("total_elements").asLong()).isEqualTo(3);
        assertThat(all.get("items").findValuesAsString("lead_id")).containsExactly("lead-b", "lead-a", "lead-a");
        assertThat(list("?channel_id=channel-1").get("total_elements").asLong()).isEqualTo(2);
        assertThat(list("?lead_id=lead-a&channel_id=channel-2").get("items").get(0).get("channel_id").asString()).isEqualTo("channel-2");
        JsonNode second = list("?size=2&page=1");
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("total_pages").asInt()).isEqualTo(2);
        assertThat(otherTenant.json().get("total_elements").asLong()).isZero();
        assertThat(api.request("GET", "/backend/followup/opt-outs?size=0").token(tokens.backend(tenant)).send().status()).isEqualTo(400);
    }

    @Test
    void leadOptedOutNeedsItsChannel() {
        ApiResponse response = event("""
                {"event_id": "o-%s", "type": "lead.opted_out", "assistant_id": "%s", "lead_id": "l", "occurred_at": "%s"}
                """.formatted(UUID.randomUUID(), assistant, clock.instant()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("channel_id").asString()).isEqualTo("channel_id is required");
    }

    private ApiResponse optedOut(String lead, String channelId, Instant at) {
        ApiResponse response = event("""
                {"event_id": "o-%s", "type": "lead.opted_out", "assistant_id": "%s", "lead_id": "%s", "channel_id": "%s",
                 "occurred_at": "%s"}
                """.formatted(UUID.randomUUID(), assistant, lead, channelId, at));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode list(String query) {
        ApiResponse response = api.request("GET", "/backend/followup/opt-outs" + query).token(tokens.backend(tenant)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private ApiResponse delete(String channelId, String lead) {
        return api.request("DELETE", "/backend/followup/opt-outs/" + channelId + "/" + lead).token(tokens.backend(tenant)).send();
    }
}
