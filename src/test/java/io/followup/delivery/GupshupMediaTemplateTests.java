package io.followup.delivery;

import java.util.List;

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
 * Templates with a media header (Gupshup's templateType IMAGE, VIDEO, DOCUMENT, ...) need a {@code message} object
 * steps do not carry: such a step fails for good, naming the type, and nothing is sent. The list is Gupshup's
 * documented sample (fixtures/gupshup/templates-with-media.json).
 */
class GupshupMediaTemplateTests {

    private static final String LIST_PATH = "/wa/app/" + APP_ID + "/template";
    private static final String SEND_PATH = "/wa/api/v1/template/msg";

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"mrry_chis, a VIDEO", "holiday_banner, an IMAGE"})
    void aMediaTemplateFailsForGoodNamingItsTypeAndNothingIsSent(String template, String type) throws Exception {
        stubList();

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> sender.send(step(template)));

        assertThat(e).isNotNull().hasMessage("Gupshup template " + template + " (en) of app " + APP_ID + " is " + type
                + " template; media headers are not supported");
        assertThat(e.isRetryable()).isFalse();
        stub.verify(0, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void aTextTemplateOfTheSameListIsSent() throws Exception {
        stubList();

        assertThat(sender.send(step("holiday_text"))).isEqualTo("gs-text");
        stub.verify(1, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void aListWithoutTemplateTypesIsTakenAsText() {
        stub.stubFor(get(LIST_PATH).willReturn(okJson("""
                {"status":"success","templates":[{"id":"tpl-1","elementName":"plain","languageCode":"en","status":"APPROVED"}]}""")));
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"status\":\"submitted\",\"messageId\":\"gs-text\"}")));

        assertThat(sender.send(step("plain"))).isEqualTo("gs-text");
    }

    private static void stubList() throws Exception {
        stub.stubFor(get(LIST_PATH).willReturn(okJson(GupshupDeliveryTests.fixture("templates-with-media.json"))));
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"status\":\"submitted\",\"messageId\":\"gs-text\"}")));
    }

    private static StepDelivery step(String templateName) {
        StepDelivery base = DeliveryStubs.templateStep("channel-2", APP_ID, templateName, List.of(), DeliveryStubs.lead());
        return new StepDelivery(base.channel(), base.idempotencyKey(), base.enrollmentId(), base.stepNumber(), base.to(),
                new StepDelivery.Content(null, templateName, "en", List.of()));
    }
}
