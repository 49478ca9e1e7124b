package io.followup.web;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: both surfaces, their bearer-JWT security schemes, their error bodies and the
 * seed examples. Error responses are added per operation while springdoc builds the paths (not in an
 * {@code OpenApiCustomizer}): springdoc drops schemas nothing refers to before those customizers run,
 * and the error schemas are referred to only by what the customizer adds.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI followupOpenApi() {
        return new OpenAPI()
                .info(new Info().title("followup-service")
                        .description("Follow-up sequences for AI sales assistants (/backend/followup, errors as RFC 9457 "
                                + "problem details) and follow-up activities for debt collection (/external-api/v1, "
                                + "errors in the {error, message, code, details} envelope).")
                        .version("v1")
                        .contact(new Contact().name("followup-service maintainers"))
                        .license(new License().name("Proprietary")))
                // Relative: the document is right for whichever host serves it, and stays the same as its snapshot.
                .servers(List.of(new Server().url("/").description("The service that serves this document")))
                .tags(List.of(
                        tag("Follow-up configurations", "Backend: per-assistant follow-up sequences"),
                        tag("Lead events and enrollments", "Backend: leads entering trigger statuses, replying, and their follow-up runs"),
                        tag("Debts", "External API: debts that follow-up activities belong to"),
                        tag("Followups", "External API: follow-up activities against debts")))
                .components(new Components()
                        .addSecuritySchemes("backend", bearer("Backend token: claims tenant_id (UUID) and scope "
                                + "(followup-configs:read, followup-configs:write, followup-events:write)"))
                        .addSecuritySchemes("admin", bearer("API clients' administration: a token of the platform's "
                                + "identity provider with scope api-clients:admin; with a company_id claim it is a company admin "
                                + "(that company's clients only), without one it is ops (every company's)"))
                        .addSecuritySchemes("external", bearer("External API OAuth 2.0 access token of the configured "
                                + "identity provider (see oauth2 for this service's own): claims company_id and scope "
                                + "(followups:read, followups:write, debts:read, debts:write, debtors:read, debtors:write, webhooks:read, webhooks:write)")));
    }

    @Bean
    GlobalOperationComponentsCustomizer errorResponses() {
        return new OpenApiErrorResponses();
    }

    @Bean
    GlobalOperationCustomizer seedExamples() {
        return new OpenApiExamples();
    }

    /**
     * Follow-up create and update share one request record; only the create needs debt_id. The
     * updates get a copy of its schema without required fields.
     */
    @Bean
    OpenApiCustomizer followupUpdateBody() {
        return openApi -> {
            Schema<?> create = openApi.getComponents().getSchemas().get("FollowupRequest");
            if (create == null) {
                return;
            }
            Schema<Object> update = new ObjectSchema().description("Body of a follow-up update: only the fields to change")
                    .properties(create.getProperties());
            openApi.getComponents().addSchemas("FollowupUpdateRequest", update);
            PathItem item = openApi.getPaths().get("/external-api/v1/followups/{id}");
            Stream.of(item.getPatch(), item.getPut()).filter(Objects::nonNull)
                    .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                    .forEach(media -> media.setSchema(new Schema<>().$ref("#/components/schemas/FollowupUpdateRequest")));
        };
    }

    /**
     * A batch of lead events as a named array schema: generators make a class of a named schema, but
     * not compilable code of an array written inline in a oneOf.
     */
    @Bean
    OpenApiCustomizer leadEventBatchBody() {
        return openApi -> {
            PathItem item = openApi.getPaths().get("/backend/followup/events");
            if (item == null || item.getPost() == null) {
                return;
            }
            openApi.getComponents().addSchemas("LeadEventBatch", new ArraySchema()
                    .items(new Schema<>().$ref("#/components/schemas/LeadEventRequest")).minItems(1).maxItems(100)
                    .description("Up to 100 lead events, answered with one result each"));
            item.getPost().getRequestBody().getContent().values().forEach(media -> media.setSchema(new ComposedSchema()
                    .addOneOfItem(new Schema<>().$ref("#/components/schemas/LeadEventRequest"))
                    .addOneOfItem(new Schema<>().$ref("#/components/schemas/LeadEventBatch"))));
        };
    }

    /**
     * A bean-validation {@code @Pattern} must match the whole value; a JSON Schema {@code pattern} matches
     * anywhere in it. Anchoring every pattern makes the document refuse what the service refuses.
     */
    @Bean
    OpenApiCustomizer anchoredPatterns() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anchor);
    }

    private static void anchor(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::anchor);
        }
        anchor(schema.getItems());
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static SecurityScheme bearer(String description) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(description);
    }
}
