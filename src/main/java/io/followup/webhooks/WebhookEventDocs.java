package io.followup.webhooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bodies the service POSTs to subscribed endpoints, in the OpenAPI document (OpenAPI 3.0 has no {@code webhooks}
 * member): one schema per audience, {@code ExternalWebhookEvent} and {@code PlatformWebhookEvent}, whose {@code data}
 * is one of the payloads the emitting modules declared ({@link WebhookPayload}), with one schema per event type
 * ({@code WebhookEvent_DebtCreated}, ...). A payload the API already answers keeps the API's own schema.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEventDocs {

    @Bean
    OpenApiCustomizer webhookEventSchemas(ObjectProvider<WebhookPayload> payloads) {
        return openApi -> {
            List<WebhookPayload> declared = payloads.orderedStream()
                    .sorted(Comparator.comparing(WebhookPayload::type)).toList();
            describe(openApi, WebhookAudience.EXTERNAL, "ExternalWebhookEvent", declared,
                    "What /external-api/v1/webhooks subscriptions receive, signed with X-GetBill-Signature");
            describe(openApi, WebhookAudience.BACKEND, "PlatformWebhookEvent", declared,
                    "What /backend/followup/webhooks subscriptions receive, signed with X-Followup-Timestamp and X-Followup-Signature");
        };
    }

    private static void describe(OpenAPI openApi, WebhookAudience audience, String name, List<WebhookPayload> declared, String description) {
        ComposedSchema events = new ComposedSchema();
        TreeSet<String> types = new TreeSet<>(audience == WebhookAudience.EXTERNAL ? WebhookEvents.EXTERNAL : WebhookEvents.BACKEND);
        types.add(WebhookEvents.TEST);
        Map<String, String> dataByType = new LinkedHashMap<>();
        for (WebhookPayload payload : declared) {
            if (payload.audience() == audience) {
                ModelConverters.getInstance().readAll(payload.data())
                        .forEach((schema, definition) -> openApi.getComponents().getSchemas().putIfAbsent(schema, definition));
                dataByType.put(payload.type(), ModelConverters.getInstance().read(payload.data()).keySet().iterator().next());
            }
        }
        List<String> refs = new ArrayList<>();
        for (String type : types) {
            String schemaName = "WebhookEvent_" + camel(type);
            String data = dataByType.get(type);
            Schema<?> event = envelope(type, data == null ? new ObjectSchema().description("Test event: {\"message\": ...}")
                    : new Schema<>().$ref("#/components/schemas/" + data));
            openApi.getComponents().addSchemas(schemaName, new ObjectSchema().addRequiredItem("event").addProperty("event", event)
                    .description("The body of a " + type + " event"));
            refs.add(schemaName);
        }
        // anyOf, not oneOf: the bodies differ in event.type, one level down, where no discriminator can point.
        refs.forEach(ref -> events.addAnyOfItem(new Schema<>().$ref("#/components/schemas/" + ref)));
        openApi.getComponents().addSchemas(name, events.description(description));
    }

    private static Schema<?> envelope(String type, Schema<?> data) {
        // Any JSON value, null included: no type, so no nullable either.
        Schema<?> change = new ObjectSchema().addProperty("old", new Schema<>().description("Before (any JSON value, or null)"))
                .addProperty("new", new Schema<>().description("After (any JSON value, or null)"));
        return new ObjectSchema().addRequiredItem("id").addRequiredItem("type").addRequiredItem("created_at")
                .addRequiredItem("sequence").addRequiredItem("data")
                .addProperty("id", new UUIDSchema().description("The event's ID, the same on every retry and redelivery"))
                .addProperty("type", new StringSchema()._enum(List.of(type)))
                .addProperty("created_at", new StringSchema().format("date-time").example("2026-12-02T10:00:00+00:00"))
                .addProperty("sequence", new IntegerSchema().format("int64").description("Its place among the subscription's events, from 1"))
                .addProperty("data", data)
                .addProperty("changes", new MapSchema().additionalProperties(change)
                        .description("On updates: the fields that changed, each with its old and new value"));
    }

    private static String camel(String type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.split("[._]")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
