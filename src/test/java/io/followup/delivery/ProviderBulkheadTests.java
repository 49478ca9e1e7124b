package io.followup.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A provider that hangs holds at most its share of sends; the others keep going. */
class ProviderBulkheadTests {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aSendToAFullProviderIsRefusedAsBusyAtOnceWhileOtherProvidersAndLaterSendsGoThrough() throws Exception {
        DeliverySettings defaults = DeliveryStubs.settings(stub.baseUrl());
        DeliverySettings onePerProvider = new DeliverySettings(defaults.connectTimeout(), defaults.readTimeout(),
                defaults.assistant(), defaults.gupshup(), defaults.meta(), 1);
        StepSenders sender = DeliveryStubs.sender(onePerProvider);
        stub.stubFor(post("/followups/messages").willReturn(okJson("{\"message_id\":\"msg-1\"}").withFixedDelay(1_500)));
        stub.stubFor(post("/v25.0/" + DeliveryStubs.PHONE_NUMBER_ID + "/messages")
                .willReturn(okJson("{\"messages\":[{\"id\":\"wamid.1\"}]}")));

        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> sender.send(DeliveryStubs.aiStep("key-1")));
        waitUntilTheStubHasIt();

        long started = System.nanoTime();
        DeliveryException busy = catchThrowableOfType(DeliveryException.class, () -> sender.send(DeliveryStubs.aiStep("key-2")));
        long refusedAfterMillis = (System.nanoTime() - started) / 1_000_000;
        String viaMeta = sender.send(DeliveryStubs.templateStep(DeliveryStubs.META_CHANNEL, null, "hello_world",
                List.of(), DeliveryStubs.lead()));

        assertThat(busy.isBusy()).isTrue();
        assertThat(busy.isRetryable()).isTrue();
        assertThat(busy.retryAfter()).isEqualTo(ProviderBulkhead.BUSY_WAIT);
        assertThat(refusedAfterMillis).as("refused without waiting for the slow send").isLessThan(1_000);
        assertThat(viaMeta).as("another provider is not held up").isEqualTo("wamid.1");
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("msg-1");
        assertThat(sender.send(DeliveryStubs.aiStep("key-3"))).as("the slot is free again").isEqualTo("msg-1");
        stub.verify(2, postRequestedFor(urlEqualTo("/followups/messages")));
    }

    private static void waitUntilTheStubHasIt() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stub.findAll(postRequestedFor(urlEqualTo("/followups/messages"))).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
