package io.followup.callbacks;

import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meta took the message but its answer never reached us (the connection dropped after the request arrived, as a
 * timeout leaves it): the step waits for its retry. The status webhook names the step by the key sent as
 * {@code biz_opaque_callback_data}, so the step is recorded as sent and the retry sends nothing.
 */
class MetaLostAnswerIntegrationTests extends WebhookFixture {

    @Test
    void aStatusNamingTheStepOfASendWhoseAnswerWasLostRecordsItAsSentAndTheRetrySendsNothing() {
        String enrollmentId = enrollOnMeta();
        stubMetaSend("reengagement_v1", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        long jobId = step(enrollmentId, 0).get("job_id").asLong();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> !step(enrollmentId, 0).get("error").isNull());
        assertThat(step(enrollmentId, 0).get("state").asString()).as("waiting for its retry").isEqualTo("scheduled");
        assertThat(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, jobId)).isEqualTo("pending");
        LoggedRequest request = stub.findAll(postRequestedFor(urlEqualTo(META_SEND))
                .withRequestBody(matchingJsonPath("$.to", equalTo(digits)))).get(0);
        String stepKey = JSON.readTree(request.getBodyAsString()).get("biz_opaque_callback_data").asString();
        assertThat(stepKey).isEqualTo("enrollment:" + enrollmentId + ":step:1");

        assertThat(postMeta(metaStatus("webhook-status-delivered.json", firstWamid, stepKey)).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        JsonNode first = enrollment.get("steps").get(0);
        assertThat(first.get("state").asString()).isEqualTo("delivered");
        assertThat(first.get("provider_message_id").asString()).isEqualTo(firstWamid);
        assertThat(first.get("sent_at").isNull()).isFalse();
        assertThat(enrollment.get("steps").get(1).get("state").asString()).as("the sequence moved on").isEqualTo("scheduled");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "succeeded".equals(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, jobId)));
        assertThat(metaSends("reengagement_v1")).as("Meta got the template exactly once").isEqualTo(1);
        assertThat(step(enrollmentId, 0).get("state").asString()).isEqualTo("delivered");
    }

    /** The first answer times out (the read timeout is 10 s); Meta's status comes while the send still waits for it. */
    @Test
    void aStatusArrivingWhileTheSendStillWaitsForItsAnswerIsNotUndoneByTheTimeout() {
        String enrollmentId = enrollOnMeta();
        stubMetaSend("reengagement_v1", okJson("{\"messages\":[{\"id\":\"" + firstWamid + "\"}]}").withFixedDelay(11_000));
        long jobId = step(enrollmentId, 0).get("job_id").asLong();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> metaSends("reengagement_v1") == 1);
        String stepKey = "enrollment:" + enrollmentId + ":step:1";
        assertThat(postMeta(metaStatus("webhook-status-delivered.json", firstWamid, stepKey)).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0).get("state").asString()).isEqualTo("delivered");

        // The send times out, its attempt fails and its retry is scheduled; none of it undoes the status.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject("SELECT attempts FROM job WHERE id = ?", Integer.class, jobId) >= 1
                        && "pending".equals(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, jobId)));
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "succeeded".equals(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, jobId)));

        JsonNode first = step(enrollmentId, 0);
        assertThat(first.get("state").asString()).isEqualTo("delivered");
        assertThat(first.get("error").isNull()).as("the timeout is not shown on a step known to be delivered").isTrue();
        assertThat(metaSends("reengagement_v1")).as("Meta got the template exactly once").isEqualTo(1);
    }
}
