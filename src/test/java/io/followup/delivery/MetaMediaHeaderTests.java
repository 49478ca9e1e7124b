package io.followup.delivery;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.delivery.DeliveryStubs.META_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template with a media header through Meta: a {@code header} component with the media by link, before the body
 * parameters (Meta's TemplateObject, https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/TemplateObject).
 */
class MetaMediaHeaderTests {

    private static final String SEND_PATH = "/v25.0/" + DeliveryStubs.PHONE_NUMBER_ID + "/messages";

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StepSenders sender = DeliveryStubs.sender(DeliveryStubs.settings(stub.baseUrl()));

    @Test
    void theHeaderComponentCarriesTheMediaLinkBeforeTheBody() {
        assertThat(components(new StepDelivery.MediaHeader("document", "https://cdn.example.com/invoice.pdf"), List.of("{{LEAD_FIRSTNAME}}")))
                .isEqualTo(DeliveryStubs.json("""
                        [{"type":"header","parameters":[{"type":"document","document":{"link":"https://cdn.example.com/invoice.pdf"}}]},
                         {"type":"body","parameters":[{"type":"text","text":"Ana"}]}]"""));
    }

    @Test
    void aHeaderAloneIsTheOnlyComponent() {
        assertThat(components(new StepDelivery.MediaHeader("video", "https://cdn.example.com/tour.mp4"), List.of()))
                .isEqualTo(DeliveryStubs.json("""
                        [{"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/tour.mp4"}}]}]"""));
    }

    private JsonNode components(StepDelivery.MediaHeader header, List<String> params) {
        stub.stubFor(post(SEND_PATH).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.media\"}]}")));
        StepDelivery base = DeliveryStubs.templateStep(META_CHANNEL, null, "winter_offer", params, DeliveryStubs.lead());
        sender.send(new StepDelivery(base.channel(), base.idempotencyKey(), base.enrollmentId(), base.stepNumber(), base.to(),
                new StepDelivery.Content(null, "winter_offer", "pt_BR", params, header)));
        String body = stub.findAll(postRequestedFor(urlEqualTo(SEND_PATH))).get(0).getBodyAsString();
        return DeliveryStubs.json(body).path("template").path("components");
    }
}
