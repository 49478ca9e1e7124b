package io.followup.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Sends WhatsApp templates through Gupshup: a form POST to {@code /wa/api/v1/template/msg} with the template's
 * Gupshup ID and its parameters in order.
 */
final class GupshupTemplateSender {

    private static final String TARGET = "Gupshup";

    private final DeliveryHttp http;
    private final URI baseUrl;
    private final GupshupTemplateCatalog catalog;

    GupshupTemplateSender(DeliveryHttp http, DeliverySettings.Gupshup settings, Clock clock) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
        this.catalog = new GupshupTemplateCatalog(http, settings.baseUrl(), settings.templateCacheTtl(), clock);
    }

    /**
     * @param params the template parameters, placeholders already resolved
     * @param destination the lead's number, digits only
     * @return Gupshup's message ID
     */
    String send(TemplateStepMessage message, String language, DeliverySettings.GupshupApp app,
                List<String> params, String destination) {
        String templateId = catalog.approvedTemplateId(message.appId(), app.apiKey(), message.templateName(), language);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("id", templateId);
        template.put("params", params);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", app.source());
        form.put("src.name", app.appName());
        form.put("destination", destination);
        form.put("template", http.json().writeValueAsString(template));

        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().post()
                .uri(base(baseUrl) + "/wa/api/v1/template/msg")
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

    /** The base URL without a trailing slash, so paths can be appended. */
    static String base(URI baseUrl) {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
