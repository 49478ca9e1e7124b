package io.followup.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.delivery.DeliveryStubs.APP_ID;
import static io.followup.delivery.DeliveryStubs.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Templates through Gupshup: template ID by name and language, form-encoded send. */
class GupshupDeliveryTests {

    private static final String LIST_PATH = "/wa/app/" + APP_ID + "/template";
    private static final String SEND_PATH = "/wa/api/v1/template/msg";
    private static final String TEMPLATES = """
            {"status":"success","templates":[
              {"id":"tpl-en","elementName":"reengagement_v1","languageCode":"en","status":"APPROVED","category":"MARKETING"},
              {"id":"tpl-pt","elementName":"reengagement_v1","languageCode":"pt_BR","status":"APPROVED","category":"MARKETING"},
              {"id":"tpl-pending","elementName":"winback_v2","languageCode":"pt_BR","status":"PENDING"},
              {"id":"tpl-other","elementName":"welcome","languageCode":"pt_BR","status":"APPROVED"}
            ]}""";

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final io.followup.support.MutableClock clock = new io.followup.support.MutableClock(NOW);
    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()), clock);

    @Test
    void sendsTheTemplateByIdAsAForm() {
        stubTemplates(TEMPLATES);
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"submitted\",\"messageId\":\"gs-msg-1\"}")));

        String messageId = sender.send(step("reengagement_v1", List.of("Olá {{LEAD_FIRSTNAME}}", "{{LEAD_LASTNAME}}")));

        assertThat(messageId).isEqualTo("gs-msg-1");
        LoggedRequest request = stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH))).get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getHeader("apikey")).isEqualTo(DeliveryStubs.API_KEY);
        Map<String, String> form = DeliveryStubs.form(request.getBodyAsString());
        assertThat(form).containsOnlyKeys("source", "src.name", "destination", "template")
                .containsEntry("source", DeliveryStubs.SOURCE)
                .containsEntry("src.name", DeliveryStubs.APP_NAME)
                .containsEntry("destination", "5511987654321");
        JsonNode template = DeliveryStubs.json(form.get("template"));
        assertThat(template.get("id").asString()).isEqualTo("tpl-pt");
        assertThat(template.get("params").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Olá Ana", "Souza");
    }

    @Test
    void theTemplateListIsFetchedOnceForManySends() {
        stubTemplatesAndSendOk();

        sender.send(step("reengagement_v1", List.of()));
        sender.send(step("welcome", List.of()));

        stub.verify(1, getRequestedFor(urlEqualTo(LIST_PATH)).withHeader("apikey", equalTo(DeliveryStubs.API_KEY)));
        assertThat(stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH))))
                .extracting(r -> DeliveryStubs.json(DeliveryStubs.form(r.getBodyAsString()).get("template")).get("id").asString())
                .containsExactly("tpl-pt", "tpl-other");
    }

    @Test
    void theTemplateListIsFetchedAgainAfterItsTtl() {
        stubTemplatesAndSendOk();

        sender.send(step("reengagement_v1", List.of()));
        clock.advance(Duration.ofMinutes(9));
        sender.send(step("reengagement_v1", List.of()));
        stub.verify(1, getRequestedFor(urlEqualTo(LIST_PATH)));

        clock.advance(Duration.ofMinutes(2));
        sender.send(step("reengagement_v1", List.of()));
        stub.verify(2, getRequestedFor(urlEqualTo(LIST_PATH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void anUnknownOrUnapprovedTemplateIsPermanentAndNothingIsSent(String template, String message) {
        assertThat(refusedBeforeSending(TEMPLATES, template)).hasMessage(message);
    }

    static Stream<Arguments> anUnknownOrUnapprovedTemplateIsPermanentAndNothingIsSent() {
        return Stream.of(
                arguments("does_not_exist", "Gupshup app " + APP_ID + " has no template named does_not_exist in language pt_BR"),
                arguments("winback_v2", "Gupshup template winback_v2 (pt_BR) of app " + APP_ID + " is PENDING, not APPROVED"));
    }

    @Test
    void aTemplateInAnotherLanguageIsNotUsed() {
        String englishOnly = """
                {"status":"success","templates":[
                  {"id":"tpl-en","elementName":"reengagement_v1","languageCode":"en_US","status":"APPROVED"}]}""";

        assertThat(refusedBeforeSending(englishOnly, "reengagement_v1"))
                .hasMessageContaining("no template named reengagement_v1 in language pt_BR");
    }

    @Test
    void aTemplateMissingFromTheCachedListIsLookedUpOnceMore() {
        stubTemplatesAndSendOk();
        sender.send(step("reengagement_v1", List.of()));
        stubTemplates("""
                {"status":"success","templates":[
                  {"id":"tpl-new","elementName":"brand_new","languageCode":"pt_BR","status":"APPROVED"}]}""");

        sender.send(step("brand_new", List.of()));

        stub.verify(2, getRequestedFor(urlEqualTo(LIST_PATH)));
        assertThat(stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH)))).hasSize(2);
    }

    @Test
    void aMissingPlaceholderValueIsPermanentAndNothingReachesGupshup() {
        stubTemplatesAndSendOk();

        DeliveryException e = permanentFailure(DeliveryStubs.templateStep("channel-2", APP_ID, "reengagement_v1",
                List.of("{{LEAD_FIRSTNAME}}"), Map.of("phone", "5511987654321")));

        assertThat(e).hasMessage("Template parameter {{LEAD_FIRSTNAME}} has no value in the lead data");
        assertThat(stub.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRefusedSendIsPermanentWithGupshupsReason() {
        stubTemplates(TEMPLATES);
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"error\",\"message\":\"Invalid Destination\"}")));

        DeliveryException e = permanentFailure(step("reengagement_v1", List.of()));

        assertThat(e).hasMessage("Gupshup answered HTTP 400: {\"status\":\"error\",\"message\":\"Invalid Destination\"}");
    }

    @Test
    void anErrorStatusInASuccessfulAnswerIsPermanent() {
        stubTemplates(TEMPLATES);
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"status\":\"error\",\"message\":\"Template Not Found\"}")));

        DeliveryException e = permanentFailure(step("reengagement_v1", List.of()));

        assertThat(e).hasMessageStartingWith("Gupshup did not accept the template (status error)");
    }

    @Test
    void aServerErrorOnSendIsRetryable() {
        stubTemplates(TEMPLATES);
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(503)));

        assertThat(failure(step("reengagement_v1", List.of())).isRetryable()).isTrue();
    }

    /** Gupshup names the wait in a header of its own, not in Retry-After (fixtures/gupshup/README.md). */
    @Test
    void a429WaitsAsLongAsGupshupsOwnHeaderSays() throws Exception {
        stubTemplates(TEMPLATES);
        stub.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("X-Rate-Limit-Retry-After-Seconds", "120").withBody(fixture("429-too-many-requests.json"))));

        DeliveryException e = failure(step("reengagement_v1", List.of()));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e).hasMessage("Gupshup answered HTTP 429: {\"status\":\"error\",\"message\":\"Too Many Requests\"}");
    }

    static String fixture(String name) throws java.io.IOException {
        try (java.io.InputStream in = GupshupDeliveryTests.class.getResourceAsStream("/fixtures/gupshup/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRefusedTemplateListIsPermanent() {
        stub.stubFor(get(LIST_PATH).willReturn(aResponse().withStatus(401).withBody("{\"status\":\"error\",\"message\":\"Authentication Failed\"}")));

        DeliveryException e = permanentFailure(step("reengagement_v1", List.of()));

        assertThat(e).hasMessageStartingWith("Gupshup template list answered HTTP 401");
        stub.verify(0, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    private static StepDelivery step(String templateName, List<String> params) {
        return DeliveryStubs.templateStep("channel-2", APP_ID, templateName, params, DeliveryStubs.lead());
    }

    private DeliveryException failure(StepDelivery message) {
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> sender.send(message));
        assertThat(e).as("the send should have failed").isNotNull();
        return e;
    }

    /** Sending {@code message} fails for good. */
    private DeliveryException permanentFailure(StepDelivery message) {
        DeliveryException e = failure(message);
        assertThat(e.isRetryable()).isFalse();
        return e;
    }

    /** With {@code templates} listed, sending template {@code name} fails for good and nothing is sent. */
    private DeliveryException refusedBeforeSending(String templates, String name) {
        stubTemplates(templates);
        stubSendOk();
        DeliveryException e = permanentFailure(step(name, List.of()));
        stub.verify(0, postRequestedFor(urlEqualTo(SEND_PATH)));
        return e;
    }

    private static void stubTemplates(String body) {
        stub.stubFor(get(LIST_PATH).willReturn(okJson(body)));
    }

    private static void stubTemplatesAndSendOk() {
        stubTemplates(TEMPLATES);
        stubSendOk();
    }

    private static void stubSendOk() {
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"status\":\"submitted\",\"messageId\":\"gs-msg\"}")));
    }
}
