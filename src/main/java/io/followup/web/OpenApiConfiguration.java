package io.followup.web;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: both surfaces, their bearer-JWT security schemes and their error bodies. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String EXTERNAL_ERROR = "ExternalError";

    @Bean
    OpenAPI followupOpenApi() {
        return new OpenAPI()
                .info(new Info().title("followup-service")
                        .description("Follow-up sequences for AI sales assistants (/backend/followup) and "
                                + "follow-up activities for debt collection (/external-api/v1).")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes("backend", bearer("Backend token: claims tenant_id (UUID) and scope "
                                + "(followup-configs:read, followup-configs:write, followup-events:write)"))
                        .addSecuritySchemes("external", bearer("External API OAuth 2.0 access token: claims company_id "
                                + "and scope (followups:read, followups:write, debts:read, debts:write)"))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas(EXTERNAL_ERROR, externalErrorSchema()));
    }

    /** Documents the error answers every operation can give, in its surface's format. */
    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            boolean external = ApiSurface.ofPath(path) == ApiSurface.EXTERNAL;
            item.readOperationsMap().forEach((method, operation) -> {
                addError(operation, "401", "Missing, expired or invalid bearer token", external);
                addError(operation, "403", "The token lacks the scope this operation needs", external);
                addError(operation, "400", "Invalid input; `errors`/`details` name each field", external);
                if (path.contains("{")) {
                    addError(operation, "404", "Not found (or not yours)", external);
                }
                if (operation.getRequestBody() != null) {
                    addError(operation, "413", "Request body too large", external);
                    addError(operation, "415", "Content-Type is not application/json", external);
                }
                if (external) {
                    addError(operation, "429", "Rate limit exceeded; retry after Retry-After seconds", true);
                }
                if (external && method == PathItem.HttpMethod.POST) {
                    operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                            .description("Makes a retry safe: the same key and body replay the first answer "
                                    + "(Idempotent-Replayed: true); another body is 422, a key in progress 409")
                            .schema(new StringSchema().maxLength(255)));
                    addError(operation, "409", "Conflict, or a request with this Idempotency-Key is in progress", true);
                    addError(operation, "422", "Idempotency-Key already used with a different request", true);
                }
            });
        });
    }

    private static void addError(Operation operation, String code, String description, boolean external) {
        if (operation.getResponses().containsKey(code)) {
            return;
        }
        String mediaType = external ? "application/json" : "application/problem+json";
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + (external ? EXTERNAL_ERROR : PROBLEM));
        operation.getResponses().addApiResponse(code, new ApiResponse().description(description)
                .content(new Content().addMediaType(mediaType, new MediaType().schema(ref))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .properties(Map.of(
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema(),
                        "errors", new ObjectSchema().additionalProperties(new StringSchema())
                                .description("Message per offending field, keyed by JSON path")));
    }

    private static Schema<?> externalErrorSchema() {
        return new ObjectSchema().description("External API error envelope")
                .properties(Map.of(
                        "error", new BooleanSchema().example(true),
                        "message", new StringSchema().example("Validation failed"),
                        "code", new IntegerSchema().example(400),
                        "details", new ObjectSchema().additionalProperties(new StringSchema())));
    }

    private static SecurityScheme bearer(String description) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(description);
    }
}
