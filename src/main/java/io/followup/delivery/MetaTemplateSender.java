package io.followup.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Sends WhatsApp templates through Meta's Cloud API: {@code POST /{phone-number-id}/messages}, type template. */
@Component
final class MetaTemplateSender implements StepChannelSender {

    private static final Logger log = LoggerFactory.getLogger(MetaTemplateSender.class);
    private static final String TARGET = "Meta Cloud API";

    private final DeliveryHttp http;
    private final DeliverySettings.Meta settings;

    MetaTemplateSender(DeliveryHttp http, DeliverySettings settings) {
        this.http = http;
        this.settings = settings.meta();
        log.info("Meta Cloud API: Graph API {} at {} ({} channel(s))", this.settings.apiVersion(), this.settings.baseUrl(),
                this.settings.channels().size());
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WHATSAPP_META;
    }

    /** @return the WhatsApp message ID ({@code wamid...}) */
    @Override
    public String send(StepDelivery delivery) {
        String channelId = delivery.to().channelId();
        DeliverySettings.MetaChannel channel = StepChannelSender.configured(settings.channels(), channelId, delivery.to());
        if (settings.accessToken() == null || settings.accessToken().isBlank()) {
            throw DeliveryException.permanent("Channel " + channelId
                    + " is configured for Meta Cloud API but followup.delivery.meta.access-token is not set");
        }
        TemplateParams.Filled filled = TemplateParams.fill(delivery);
        Map<String, Object> message = body(delivery.content(), filled.params(), filled.destination());
        // Meta echoes it in every status webhook of the message, so a status can name its step even when the answer
        // carrying the message ID never arrived (a timeout): the step is then recorded as sent, not sent again.
        // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/
        message.put("biz_opaque_callback_data", delivery.idempotencyKey());
        byte[] body = http.json().writeValueAsBytes(message);
        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().post()
                .uri(DeliveryHttp.url(settings.baseUrl(), "/{version}/{phoneNumberId}/messages"), settings.apiVersion(),
                        channel.phoneNumberId())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.accessToken())
                .body(body), this::failure);
        return DeliveryHttp.text(reply.json(http.json()).path("messages").path(0), "id");
    }

    /** The channel's phone number ID: Meta's throughput limit is per business phone number. */
    @Override
    public Optional<SendRate.Sender> sender(StepDelivery delivery) {
        String channelId = delivery.to().channelId();
        return Optional.ofNullable(channelId == null ? null : settings.channels().get(channelId))
                .map(channel -> new SendRate.Sender("meta", channel.phoneNumberId()));
    }

    private DeliveryException failure(int status, byte[] body, String detail, java.time.Duration retryAfter) {
        return MetaErrors.classify(http.json(), status, body, detail, retryAfter, settings.channelFaultWait());
    }

    /**
     * A media header component: {@code {"type":"header","parameters":[{"type":"image","image":{"link":"https://..."}}]}},
     * the same with document or video (Meta's TemplateObject, https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/TemplateObject;
     * the same shape in https://partner-docs.gupshup.io/reference/post_partner-app-appid-v3-message-12).
     */
    private static Map<String, Object> header(StepDelivery.MediaHeader header) {
        Map<String, Object> media = Map.of("type", header.type(), header.type(), Map.of("link", header.link()));
        return Map.of("type", "header", "parameters", List.of(media));
    }

    private static Map<String, Object> body(StepDelivery.Content content, List<String> params, String to) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", content.templateName());
        template.put("language", Map.of("code", content.templateLanguage()));
        List<Map<String, Object>> components = new ArrayList<>();
        if (content.templateHeader() != null) {
            components.add(header(content.templateHeader()));
        }
        if (!params.isEmpty()) {
            List<Map<String, String>> parameters = params.stream()
                    .map(text -> Map.of("type", "text", "text", text))
                    .toList();
            components.add(Map.of("type", "body", "parameters", parameters));
        }
        if (!components.isEmpty()) {
            template.put("components", components);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", to);
        body.put("type", "template");
        body.put("template", template);
        return body;
    }
}
