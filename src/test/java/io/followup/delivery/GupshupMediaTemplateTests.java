package io.followup.delivery;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.delivery.DeliveryStubs.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Templates with a media header (Gupshup's templateType IMAGE, VIDEO, DOCUMENT, ...) go with a {@code message} object
 * holding the step's template_header; a step whose header does not fit its template (none for a media template, one
 * for a text template, another type) fails for good, naming the types, and nothing is sent. The list is Gupshup's
 * documented sample (fixtures/gupshup/templates-with-media.json).
 */
class GupshupMediaTemplateTests {

    private static final String LIST_PATH = "/wa/app/" + APP_ID + "/template";
    private static final String SEND_PATH = "/wa/api/v1/template/msg";

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"mrry_chis, a VIDEO, video", "holiday_banner, an IMAGE, image"})
    void aMediaTemplateWithoutAHeaderFailsForGoodNamingItsTypeAndNothingIsSent(String template, String type, String media)
            throws Exception {
        assertThat(refused(step(template, null))).hasMessage("Gupshup template " + template + " (en) of app " + APP_ID
                + " is " + type + " template; the step needs a template_header with its " + media);
    }

    @Test
    void aMediaTemplateGoesWithItsHeaderAsGupshupsMessageObject() throws Exception {
        stubList();

        sender.send(step("holiday_banner", new StepDelivery.MediaHeader("image", "https://cdn.example.com/winter.jpg")));

        Map<String, String> form = DeliveryStubs.form(stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH))).get(0).getBodyAsString());
        assertThat(DeliveryStubs.json(form.get("template")).get("id").asString()).isEqualTo("00b2****-****-4788-9b66-b******cce");
        assertThat(DeliveryStubs.json(form.get("message")))
                .isEqualTo(DeliveryStubs.json("{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example.com/winter.jpg\"}}"));
    }

    @Test
    void aHeaderOfAnotherTypeOrOnATextTemplateFailsForGood() throws Exception {
        assertThat(refused(step("mrry_chis", new StepDelivery.MediaHeader("image", "https://cdn.example.com/a.jpg"))))
                .hasMessageEndingWith("is a VIDEO template; the step's template_header is of type image, not video");
        assertThat(refused(step("holiday_text", new StepDelivery.MediaHeader("document", "https://cdn.example.com/a.pdf"))))
                .hasMessageEndingWith("is a TEXT template; the step's document template_header does not fit it "
                        + "(a text template has no media header)");
    }

    /** The step fails for good and nothing reaches Gupshup's send. */
    private DeliveryException refused(StepDelivery step) throws Exception {
        stubList();
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> sender.send(step));
        assertThat(e).isNotNull();
        assertThat(e.isRetryable()).isFalse();
        stub.verify(0, postRequestedFor(urlEqualTo(SEND_PATH)));
        return e;
    }

    @Test
    void aTextTemplateOfTheSameListIsSent() throws Exception {
        stubList();

        assertThat(sender.send(step("holiday_text", null))).isEqualTo("gs-text");
        assertThat(DeliveryStubs.form(stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH))).get(0).getBodyAsString()))
                .doesNotContainKey("message");
        stub.verify(1, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void aListWithoutTemplateTypesIsTakenAsText() {
        stub.stubFor(get(LIST_PATH).willReturn(okJson("""
                {"status":"success","templates":[{"id":"tpl-1","elementName":"plain","languageCode":"en","status":"APPROVED"}]}""")));
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"status\":\"submitted\",\"messageId\":\"gs-text\"}")));

        assertThat(sender.send(step("plain", null))).isEqualTo("gs-text");
    }

    private static void stubList() throws Exception {
        stub.stubFor(get(LIST_PATH).willReturn(okJson(GupshupDeliveryTests.fixture("templates-with-media.json"))));
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"status\":\"submitted\",\"messageId\":\"gs-text\"}")));
    }

    private static StepDelivery step(String templateName, StepDelivery.MediaHeader header) {
        StepDelivery base = DeliveryStubs.templateStep("channel-2", APP_ID, templateName, List.of(), DeliveryStubs.lead());
        return new StepDelivery(base.channel(), base.idempotencyKey(), base.enrollmentId(), base.stepNumber(), base.to(),
                new StepDelivery.Content(null, templateName, "en", List.of(), header));
    }
}
