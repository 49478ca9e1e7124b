package io.followup.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.delivery.DeliveryStubs.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AI steps: the signed webhook to the assistant service. */
class AssistantDeliveryTests {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()));

    @Test
    void postsTheStepAsSnakeCaseJson() {
        stub.stubFor(post("/followups/messages").willReturn(okJson("{\"message_id\":\"msg-9\",\"extra\":true}")));

        String messageId = sender.send(DeliveryStubs.aiStep("enr-333-step-1"));

        assertThat(messageId).isEqualTo("msg-9");
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = DeliveryStubs.json(request.getBodyAsString());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("tenant_id", "assistant_id", "lead_id", "channel_id",
                "enrollment_id", "step_number", "prompt", "lead", "idempotency_key");
        assertThat(body.get("tenant_id").asString()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(body.get("assistant_id").asString()).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(body.get("lead_id").asString()).isEqualTo("lead-42");
        assertThat(body.get("channel_id").asString()).isEqualTo("channel-7");
        assertThat(body.get("enrollment_id").asString()).isEqualTo("33333333-3333-3333-3333-333333333333");
        assertThat(body.get("step_number").asInt()).isEqualTo(1);
        assertThat(body.get("prompt").asString()).isEqualTo("Send a friendly check-in");
        assertThat(body.get("lead").get("first_name").asString()).isEqualTo("Ana");
        assertThat(body.get("idempotency_key").asString()).isEqualTo("enr-333-step-1");
    }

    @Test
    void signsTimestampAndExactBodyWithTheSharedSecret() throws Exception {
        stub.stubFor(post("/followups/messages").willReturn(ok()));

        sender.send(DeliveryStubs.aiStep("enr-333-step-1"));

        LoggedRequest request = onlyRequest();
        String timestamp = request.getHeader("X-Followup-Timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.getHeader("X-Followup-Signature")).isEqualTo(signature(DeliveryStubs.SECRET, timestamp, request.getBody()));
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("enr-333-step-1");
    }

    @Test
    void aSignatureWithAnotherSecretDoesNotMatch() throws Exception {
        stub.stubFor(post("/followups/messages").willReturn(ok()));

        sender.send(DeliveryStubs.aiStep("enr-333-step-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("X-Followup-Signature"))
                .isNotEqualTo(signature("another-secret", request.getHeader("X-Followup-Timestamp"), request.getBody()));
    }

    @Test
    void theIdempotencyKeyIsTheSameOnEveryAttempt() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(503)));
        StepDelivery step = DeliveryStubs.aiStep("enr-333-step-1");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> sender.send(step))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isRetryable()).isTrue());
        }

        List<LoggedRequest> requests = stub.findAll(postRequestedFor(urlEqualTo("/followups/messages")));
        assertThat(requests).hasSize(3)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("enr-333-step-1");
        assertThat(requests).extracting(r -> DeliveryStubs.json(r.getBodyAsString()).get("idempotency_key").asString())
                .containsOnly("enr-333-step-1");
    }

    @Test
    void aStepsKeyIsDerivedFromEnrollmentAndStepInOnePlace() {
        stub.stubFor(post("/followups/messages").willReturn(ok()));
        String key = StepDelivery.idempotencyKey(UUID.fromString("33333333-3333-3333-3333-333333333333"), 1);

        sender.send(DeliveryStubs.aiStep(key));

        assertThat(key).isEqualTo("enrollment:33333333-3333-3333-3333-333333333333:step:1");
        assertThat(onlyRequest().getHeader("Idempotency-Key")).isEqualTo(key);
        assertThatThrownBy(() -> DeliveryStubs.aiStep(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryStubs.aiStep(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSuccessWithoutAMessageIdReturnsNull() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(202).withBody("accepted")));

        assertThat(sender.send(DeliveryStubs.aiStep("k"))).isNull();
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/followups/messages")))).hasSize(1);
    }

    @Test
    void timestampFollowsTheClock() {
        stub.stubFor(post("/followups/messages").willReturn(ok()));
        io.followup.support.MutableClock clock = new io.followup.support.MutableClock(NOW);
        StepSenders timed = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()), clock);

        timed.send(DeliveryStubs.aiStep("k"));
        clock.advance(Duration.ofMinutes(5));
        timed.send(DeliveryStubs.aiStep("k"));

        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/followups/messages"))))
                .extracting(r -> r.getHeader("X-Followup-Timestamp"))
                .containsExactly(Long.toString(NOW.getEpochSecond()), Long.toString(NOW.getEpochSecond() + 300));
    }

    /** The {@code X-Followup-Signature} of {@code body} sent at {@code timestamp}, signed with {@code secret}. */
    private static String signature(String secret, String timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = stub.findAll(postRequestedFor(urlEqualTo("/followups/messages")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
