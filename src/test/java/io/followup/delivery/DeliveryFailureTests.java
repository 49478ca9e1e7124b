package io.followup.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How answers and failures of the assistant service and the providers map to retryable or permanent. */
class DeliveryFailureTests {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()));

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverErrorsTimeoutsAndThrottlingAreRetryable(int status) {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(status).withBody("busy")));

        DeliveryException e = aiFailure();

        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessage("Assistant service answered HTTP " + status + ": busy");
        assertThat(e.retryAfter()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorsArePermanent(int status) {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(status)
                .withBody("{\"error\":\"bad step\",\n\"detail\":\"lead unknown\"}")));

        DeliveryException e = aiFailure();

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessage("Assistant service answered HTTP " + status
                + ": {\"error\":\"bad step\", \"detail\":\"lead unknown\"}");
    }

    @Test
    void aLongErrorBodyIsCutToAShortExcerpt() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(422).withBody("x".repeat(5000))));

        DeliveryException e = aiFailure();

        assertThat(e.getMessage()).hasSizeLessThan(260).endsWith("x…");
    }

    @Test
    void anExcerptNeverSplitsAnEmojiNorKeepsNul() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"\u0000" + "😀".repeat(500) + "\"}")));

        String message = aiFailure().getMessage();

        assertThat(message).doesNotContain("\u0000").endsWith("😀…");
        assertThat(message.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    }

    @Test
    void retryAfterInSecondsIsKept() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        DeliveryException e = aiFailure();

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheWaitFromNow() {
        // DeliveryStubs.NOW is 2026-01-01T00:00:00Z
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "Thu, 01 Jan 2026 00:02:30 GMT")));

        assertThat(aiFailure().retryAfter()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "soon")));

        DeliveryException e = aiFailure();

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void aReadTimeoutIsRetryable() {
        stub.stubFor(post("/followups/messages").willReturn(okJson("{}").withFixedDelay(2_000)));
        StepSenders impatient = DeliveryStubs.sender(
                DeliveryStubs.settings(stub.baseUrl(), Duration.ofMillis(300), Duration.ofMinutes(10)));

        long start = System.nanoTime();
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> impatient.send(DeliveryStubs.aiStep("k")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_800));
        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessage("Assistant service could not be reached: timed out");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StepSenders nowhere = DeliveryStubs.sender(DeliveryStubs.settings("http://127.0.0.1:" + closedPort));

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> nowhere.send(DeliveryStubs.aiStep("k")));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessageStartingWith("Assistant service could not be reached");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void aDroppedConnectionIsRetryable() {
        stub.stubFor(post("/followups/messages").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeliveryException e = aiFailure();

        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void providersShareTheMapping() {
        stub.stubFor(post("/v25.0/" + DeliveryStubs.PHONE_NUMBER_ID + "/messages")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        stub.stubFor(get("/wa/app/" + DeliveryStubs.APP_ID + "/template").willReturn(aResponse().withStatus(502)));

        DeliveryException meta = catchThrowableOfType(DeliveryException.class, () -> sender.send(
                DeliveryStubs.templateStep(DeliveryStubs.META_CHANNEL, null, "reengagement_v1", List.of(), DeliveryStubs.lead())));
        DeliveryException gupshup = catchThrowableOfType(DeliveryException.class, () -> sender.send(
                DeliveryStubs.templateStep("channel-2", DeliveryStubs.APP_ID, "reengagement_v1", List.of(), DeliveryStubs.lead())));

        assertThat(meta.isRetryable()).isTrue();
        assertThat(meta.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(meta).hasMessageStartingWith("Meta Cloud API answered HTTP 429");
        assertThat(gupshup.isRetryable()).isTrue();
        assertThat(gupshup).hasMessageStartingWith("Gupshup template list answered HTTP 502");
    }

    @Test
    void aChannelWithNoProviderIsAPermanentFailureAndSendsNothing() {
        stub.stubFor(post(anyUrl()).willReturn(okJson("{}")));

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> sender.send(
                DeliveryStubs.templateStep("channel-9", "unknown-app", "reengagement_v1", List.of(), Map.of("phone", "5511987654321"))));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessage("No WhatsApp provider configured for channel channel-9 / app unknown-app");
        assertThat(stub.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private DeliveryException aiFailure() {
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> sender.send(DeliveryStubs.aiStep("k")));
        assertThat(e).as("the send should have failed").isNotNull();
        return e;
    }
}
