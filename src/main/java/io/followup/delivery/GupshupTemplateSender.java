package io.followup.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends WhatsApp templates through Gupshup: a form POST to {@code /wa/api/v1/template/msg} with the template's
 * Gupshup ID and its parameters in order, and for a template with a media header the {@code message} object.
 */
@Component
final class GupshupTemplateSender implements StepChannelSender {

    private static final String TARGET = "Gupshup";

    private final DeliveryHttp http;
    private final URI baseUrl;
    private final Map<String, DeliverySettings.GupshupApp> apps;
    private final GupshupTemplateCatalog catalog;

    GupshupTemplateSender(DeliveryHttp http, DeliverySettings settings, Clock clock) {
        this.http = http;
        this.baseUrl = settings.gupshup().baseUrl();
        this.apps = settings.gupshup().apps();
        this.catalog = new GupshupTemplateCatalog(http, baseUrl, settings.gupshup().templateCacheTtl(), clock);
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WHATSAPP_GUPSHUP;
    }

    /** @return Gupshup's message ID */
    @Override
    public String send(StepDelivery delivery) {
        String appId = delivery.to().appId();
        DeliverySettings.GupshupApp app = StepChannelSender.configured(apps, appId, delivery.to());
        TemplateParams.Filled filled = TemplateParams.fill(delivery);
        StepDelivery.MediaHeader header = delivery.content().templateHeader();
        String templateId = catalog.approvedTemplateId(appId, app.apiKey(), delivery.content().templateName(),
                delivery.content().templateLanguage(), header == null ? null : header.type());
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("id", templateId);
        template.put("params", filled.params());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", app.source());
        form.put("src.name", app.appName());
        form.put("destination", filled.destination());
        form.put("template", http.json().writeValueAsString(template));
        if (header != null) {
            form.put("message", http.json().writeValueAsString(message(header)));
        }

        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().post()
                .uri(DeliveryHttp.url(baseUrl, "/wa/api/v1/template/msg"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .header("apikey", app.apiKey())
                .body(encode(form).getBytes(StandardCharsets.UTF_8)));
        JsonNode answer = reply.json(http.json());
        String status = DeliveryHttp.text(answer, "status");
        if (status != null && !"submitted".equalsIgnoreCase(status)) {
            throw DeliveryException.permanent("Gupshup did not accept the template (status " + status + ")"
                    + DeliveryHttp.excerpt(reply.body()));
        }
        return DeliveryHttp.text(answer, "messageId");
    }

    /**
     * The media of a media template: {@code {"type":"image","image":{"link":"https://..."}}}, and the same with video
     * or document (https://docs.gupshup.io/reference/post_partner-app-appid-template-msg-6, "message" of an image template).
     */
    private static Map<String, Object> message(StepDelivery.MediaHeader header) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", header.type());
        message.put(header.type(), Map.of("link", header.link()));
        return message;
    }

    /** The app's source number, the WhatsApp business number its messages leave from. */
    @Override
    public Optional<SendRate.Sender> sender(StepDelivery delivery) {
        String appId = delivery.to().appId();
        return Optional.ofNullable(appId == null ? null : apps.get(appId))
                .map(app -> new SendRate.Sender("gupshup", app.source()));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
