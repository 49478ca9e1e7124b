package io.followup.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Sends WhatsApp templates through Meta's Cloud API: {@code POST /{phone-number-id}/messages}, type template. */
final class MetaTemplateSender {

    private static final String TARGET = "Meta Cloud API";

    private final DeliveryHttp http;
    private final DeliverySettings.Meta settings;

    MetaTemplateSender(DeliveryHttp http, DeliverySettings.Meta settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * @param params the body parameters, placeholders already resolved
     * @param destination the lead's number, digits only
     * @return the WhatsApp message ID ({@code wamid...})
     */
    String send(TemplateStepMessage message, String language, DeliverySettings.MetaChannel channel,
                List<String> params, String destination) {
        if (settings.accessToken() == null || settings.accessToken().isBlank()) {
            throw DeliveryException.permanent("Channel " + message.channelId()
                    + " is configured for Meta Cloud API but followup.delivery.meta.access-token is not set");
        }
        byte[] body = http.json().writeValueAsBytes(body(message.templateName(), language, params, destination));
        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().post()
                .uri(GupshupTemplateSender.base(settings.baseUrl()) + "/{phoneNumberId}/messages", channel.phoneNumberId())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.accessToken())
                .body(body));
        return DeliveryHttp.text(reply.json(http.json()).path("messages").path(0), "id");
    }

    private static Map<String, Object> body(String templateName, String language, List<String> params, String to) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", templateName);
        template.put("language", Map.of("code", language));
        if (!params.isEmpty()) {
            List<Map<String, String>> parameters = params.stream()
                    .map(text -> Map.of("type", "text", "text", text))
                    .toList();
            template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", to);
        body.put("type", "template");
        body.put("template", template);
        return body;
    }
}
