package io.followup.delivery;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Settings, messages and a clock for senders that talk to a local stub server. */
final class DeliveryStubs {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final String APP_ID = "gs-app-1";
    static final String API_KEY = "gs-api-key";
    static final String SOURCE = "5511900000000";
    static final String APP_NAME = "AcmeBot";
    static final String META_CHANNEL = "meta-channel-1";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String META_TOKEN = "meta-access-token";
    static final String SECRET = "test-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private DeliveryStubs() {
    }

    /** Every endpoint on the stub at {@code baseUrl}, with one Gupshup app and one Meta channel. */
    static DeliverySettings settings(String baseUrl, Duration readTimeout, Duration templateCacheTtl) {
        return new DeliverySettings(
                Duration.ofSeconds(1),
                readTimeout,
                new DeliverySettings.Assistant(URI.create(baseUrl + "/followups/messages"), SECRET),
                new DeliverySettings.Gupshup(URI.create(baseUrl), Map.of(APP_ID, new DeliverySettings.GupshupApp(API_KEY, SOURCE, APP_NAME)),
                        templateCacheTtl),
                new DeliverySettings.Meta(URI.create(baseUrl), DeliverySettings.Meta.DEFAULT_API_VERSION, META_TOKEN,
                        Map.of(META_CHANNEL, new DeliverySettings.MetaChannel(PHONE_NUMBER_ID)), Duration.ofMinutes(10)),
                8);
    }

    static DeliverySettings settings(String baseUrl) {
        return settings(baseUrl, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    /** The registry with every sender, wired by hand as Spring wires the beans. */
    static StepSenders sender(DeliverySettings settings, Clock clock) {
        DeliveryHttp http = new DeliveryHttp(RestClient.builder(), settings, clock);
        return new StepSenders(List.of(new AssistantWebhookSender(http, settings, clock),
                new GupshupTemplateSender(http, settings, clock), new MetaTemplateSender(http, settings)), settings,
                unlimited(clock), new ChannelFaults(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), clock));
    }

    /** No send rate: these senders talk to a stub, never to a database. */
    static SendRate unlimited(Clock clock) {
        return new SendRate(new SendRateSettings(false, 80, Map.of()), null, clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    static StepSenders sender(DeliverySettings settings) {
        return sender(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static StepDelivery aiStep(String idempotencyKey) {
        return new StepDelivery(DeliveryChannel.ASSISTANT, idempotencyKey,
                UUID.fromString("33333333-3333-3333-3333-333333333333"), 1,
                new StepDelivery.Recipient(
                        UUID.fromString("11111111-1111-1111-1111-111111111111"),
                        UUID.fromString("22222222-2222-2222-2222-222222222222"),
                        "lead-42", "channel-7", null,
                        Map.of("first_name", "Ana", "phone", "+55 11 98765-4321")),
                new StepDelivery.Content("Send a friendly check-in", null, null, List.of()));
    }

    /** A template step on the channel the stub settings choose for {@code channelId} (Meta for META_CHANNEL). */
    static StepDelivery templateStep(String channelId, String appId, String templateName, List<String> params,
                                     Map<String, String> lead) {
        return templateStep(settings("http://stub.invalid").templateChannel(channelId), channelId, appId, templateName,
                params, lead);
    }

    static StepDelivery templateStep(DeliveryChannel channel, String channelId, String appId, String templateName,
                                     List<String> params, Map<String, String> lead) {
        return new StepDelivery(channel, "enrollment-33-step-3",
                UUID.fromString("33333333-3333-3333-3333-333333333333"), 3,
                new StepDelivery.Recipient(
                        UUID.fromString("11111111-1111-1111-1111-111111111111"),
                        UUID.fromString("22222222-2222-2222-2222-222222222222"),
                        "lead-42", channelId, appId, lead),
                new StepDelivery.Content(null, templateName, "pt_BR", params));
    }

    static Map<String, String> lead() {
        return Map.of("first_name", "Ana", "last_name", "Souza", "phone", "+55 (11) 98765-4321");
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Decodes an application/x-www-form-urlencoded body. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
