package io.followup.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: both surfaces, each with its bearer-JWT security scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
                                + "and scope (followups:read, followups:write, debts:read, debts:write)")));
    }

    private static SecurityScheme bearer(String description) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(description);
    }
}
