package io.followup.delivery;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends steps over HTTP: AI steps to the assistant service, templates through Meta Cloud API when the
 * channel is listed under {@code followup.delivery.meta.channels}, otherwise through Gupshup by the channel's app ID.
 */
@Component
public class HttpStepSender implements StepSender {

    private static final Logger log = LoggerFactory.getLogger(HttpStepSender.class);
    private static final String DEFAULT_LANGUAGE = "pt_BR";

    private final DeliverySettings settings;
    private final AssistantWebhookSender assistant;
    private final GupshupTemplateSender gupshup;
    private final MetaTemplateSender meta;
    private final ProviderBulkhead bulkhead;

    public HttpStepSender(RestClient.Builder restClientBuilder, DeliverySettings settings, Clock clock) {
        this.settings = settings;
        RestClient client = restClientBuilder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(settings.connectTimeout(), settings.readTimeout())))
                .build();
        // Our own mapper: wire formats must not change with the application's Jackson settings.
        DeliveryHttp http = new DeliveryHttp(client, JsonMapper.builder().build(), clock);
        this.assistant = new AssistantWebhookSender(http, settings.assistant(), clock);
        this.gupshup = new GupshupTemplateSender(http, settings.gupshup(), clock);
        this.meta = new MetaTemplateSender(http, settings.meta());
        this.bulkhead = new ProviderBulkhead(settings.maxConcurrentPerProvider());
    }

    @Override
    public String sendAi(AiStepMessage message) {
        String messageId = bulkhead.call("The assistant service", () -> assistant.send(message));
        log.debug("AI step {} of enrollment {} delivered to the assistant service", message.stepNumber(), message.enrollmentId());
        return messageId;
    }

    @Override
    public String sendTemplate(TemplateStepMessage message) {
        if (message.templateName() == null || message.templateName().isBlank()) {
            throw DeliveryException.permanent("Template step " + message.stepNumber() + " has no template name");
        }
        DeliverySettings.MetaChannel metaChannel = message.channelId() == null ? null
                : settings.meta().channels().get(message.channelId());
        DeliverySettings.GupshupApp gupshupApp = message.appId() == null ? null
                : settings.gupshup().apps().get(message.appId());
        if (metaChannel == null && gupshupApp == null) {
            throw DeliveryException.permanent("No WhatsApp provider configured for channel %s / app %s"
                    .formatted(message.channelId(), message.appId()));
        }
        // Resolved before any call, so a hole in the data never reaches a provider.
        List<String> params = TemplateParams.resolve(message.params(), message.lead());
        String destination = TemplateParams.destination(message.lead());
        String language = message.templateLanguage() == null || message.templateLanguage().isBlank()
                ? DEFAULT_LANGUAGE : message.templateLanguage();

        String messageId = metaChannel != null
                ? bulkhead.call("Meta", () -> meta.send(message, language, metaChannel, params, destination))
                : bulkhead.call("Gupshup", () -> gupshup.send(message, language, gupshupApp, params, destination));
        log.debug("Template {} ({}) of enrollment {} step {} sent through {}", message.templateName(), language,
                message.enrollmentId(), message.stepNumber(), metaChannel != null ? "Meta" : "Gupshup");
        return messageId;
    }
}
