package io.followup.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.delivery.DeliveryStubs.APP_ID;
import static io.followup.delivery.DeliveryStubs.META_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Templates through Meta's WhatsApp Cloud API. */
class MetaDeliveryTests {

    private static final String SEND_PATH = "/v25.0/" + DeliveryStubs.PHONE_NUMBER_ID + "/messages";
    private static final String ACCEPTED = """
            {"messaging_product":"whatsapp","contacts":[{"input":"5511987654321","wa_id":"5511987654321"}],
             "messages":[{"id":"wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjA"}]}""";

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()));

    @Test
    void sendsATemplateWithBodyParameters() {
        stub.stubFor(post(SEND_PATH).willReturn(okJson(ACCEPTED)));

        String messageId = sender.send(DeliveryStubs.templateStep(META_CHANNEL, null, "reengagement_v1",
                List.of("{{LEAD_FIRSTNAME}}", "50% off"), DeliveryStubs.lead()));

        assertThat(messageId).isEqualTo("wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjA");
        LoggedRequest request = stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + DeliveryStubs.META_TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        stub.verify(postRequestedFor(urlEqualTo(SEND_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","to":"5511987654321","type":"template",
                 "biz_opaque_callback_data":"enrollment-33-step-3",
                 "template":{"name":"reengagement_v1","language":{"code":"pt_BR"},
                   "components":[{"type":"body","parameters":[
                     {"type":"text","text":"Ana"},{"type":"text","text":"50% off"}]}]}}""")));
    }

    @Test
    void aTemplateWithoutParametersHasNoComponents() {
        stub.stubFor(post(SEND_PATH).willReturn(okJson(ACCEPTED)));

        sender.send(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead()));

        stub.verify(postRequestedFor(urlEqualTo(SEND_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","to":"5511987654321","type":"template",
                 "biz_opaque_callback_data":"enrollment-33-step-3",
                 "template":{"name":"hello_world","language":{"code":"pt_BR"}}}""")));
    }

    @Test
    void aMetaChannelGoesThroughMetaEvenWithAGupshupApp() {
        stub.stubFor(post(SEND_PATH).willReturn(okJson(ACCEPTED)));

        sender.send(DeliveryStubs.templateStep(META_CHANNEL, APP_ID, "hello_world", List.of(), DeliveryStubs.lead()));

        assertThat(stub.findAll(anyRequestedFor(anyUrl()))).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).isEqualTo(SEND_PATH));
    }

    @Test
    void anAnswerWithoutAMessageIdIsStillSent() {
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"messaging_product\":\"whatsapp\"}")));

        assertThat(sender.send(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(),
                DeliveryStubs.lead()))).isNull();
        stub.verify(1, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void aRejectedTemplateIsPermanent() {
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"(#132001) Template name does not exist in the translation\",\"code\":132001}}")));

        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "nope", List.of(), DeliveryStubs.lead()));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessageStartingWith("Meta Cloud API answered HTTP 400: {\"error\":{\"message\":\"(#132001)");
    }

    /**
     * Meta's error shape (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes): message, type,
     * code, error_data.details, error_subcode, fbtrace_id. A long, multi-byte one becomes a short excerpt.
     */
    @Test
    void aLongMetaErrorBecomesAShortExcerpt() {
        String details = "Não foi possível entregar a mensagem ao destinatário 😀 ".repeat(20);
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#131008) Required parameter is missing","type":"OAuthException","code":131008,
                  "error_data":{"messaging_product":"whatsapp","details":"%s"},"error_subcode":2494010,
                  "fbtrace_id":"AazW1Zq3dyHxbYf1nl7dkvX"}}""".formatted(details))));

        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "nope", List.of(), DeliveryStubs.lead()));

        String prefix = "Meta Cloud API answered HTTP 400: ";
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).startsWith(prefix + "{\"error\":{\"message\":\"(#131008)").contains("Não foi possível").endsWith("…");
        assertThat(e.getMessage().codePointCount(0, e.getMessage().length())).isEqualTo(prefix.length() + 200);
    }

    @Test
    void throttlingIsRetryableAfterTheAskedWait() {
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead()));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void throttlingAnsweredAsHttp400WithCode130429IsRetried() throws Exception {
        stub.stubFor(post(SEND_PATH).willReturn(metaError(400, "130429-throughput.json")));

        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead()));

        assertThat(e.isRetryable()).as("Meta throttles with HTTP 400 and code 130429: wait, do not fail").isTrue();
        assertThat(e.isChannelFault()).isFalse();
        assertThat(e).hasMessageContaining("130429");
    }

    @Test
    void aClosedWindow131047FailsTheStepForGood() throws Exception {
        stub.stubFor(post(SEND_PATH).willReturn(metaError(400, "131047-reengagement.json")));

        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead()));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.isOptOut()).isFalse();
        assertThat(e).hasMessageContaining("131047");
    }

    @Test
    void aUserWhoStoppedMarketingMessages131050IsAnOptOutNeverRetried() throws Exception {
        stub.stubFor(post(SEND_PATH).willReturn(metaError(400, "131050-user-stopped-marketing.json")));

        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead()));

        assertThat(e.isOptOut()).isTrue();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.isChannelFault()).isFalse();
        assertThat(e).hasMessageContaining("131050");
    }

    @Test
    void anExpiredToken190IsAFaultOfTheChannelUntilItSendsAgain() throws Exception {
        stub.stubFor(post(SEND_PATH).willReturn(metaError(401, "190-token-expired.json")));
        StepDelivery step = DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead());
        String channel = "whatsapp_meta:" + META_CHANNEL;

        DeliveryException e = failure(step);

        assertThat(e.isChannelFault()).as("no lead is at fault when the token expired").isTrue();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sender.isFaulty(channel)).isTrue();

        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.healed\"}]}")));
        assertThat(sender.send(step)).isEqualTo("wamid.healed");
        assertThat(sender.isFaulty(channel)).as("fixing the token resumes the channel").isFalse();
    }

    @Test
    void aMissingAccessTokenIsPermanentAndSendsNothing() {
        DeliverySettings settings = DeliveryStubs.settings(stub.baseUrl());
        DeliverySettings noToken = new DeliverySettings(settings.connectTimeout(), settings.readTimeout(), settings.assistant(),
                settings.gupshup(), new DeliverySettings.Meta(settings.meta().baseUrl(), settings.meta().apiVersion(), " ", settings.meta().channels(),
                        settings.meta().channelFaultWait()),
                settings.maxConcurrentPerProvider());

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> DeliveryStubs.sender(noToken).send(
                DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(), DeliveryStubs.lead())));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessageContaining("followup.delivery.meta.access-token");
        assertThat(stub.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aLeadWithoutPhoneIsPermanentAndSendsNothing() {
        DeliveryException e = failure(DeliveryStubs.templateStep(META_CHANNEL, null, "hello_world", List.of(),
                Map.of("first_name", "Ana")));

        assertThat(e.isRetryable()).isFalse();
        assertThat(stub.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** An error body as Meta documents it (fixtures/meta, sources in its README). */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder metaError(int status, String fixture) throws Exception {
        try (var in = MetaDeliveryTests.class.getResourceAsStream("/fixtures/meta/" + fixture)) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private DeliveryException failure(StepDelivery message) {
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> sender.send(message));
        assertThat(e).as("the send should have failed").isNotNull();
        return e;
    }
}
