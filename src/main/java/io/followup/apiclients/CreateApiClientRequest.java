package io.followup.apiclients;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /admin/v1/api-clients}; the rules beyond its shape are {@link ApiClientRules}'. */
public record CreateApiClientRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = ApiClients.MAX_NAME_LENGTH,
                description = "What the client is for; trimmed", example = "Acme collections sync")
        @NotNull(message = "name is required") String name,
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Scopes its tokens get"),
                minItems = 1, maxItems = 20,
                schema = @Schema(allowableValues = {"debtors:read", "debtors:write", "debts:read", "debts:write", "followups:read",
                        "followups:write", "webhooks:read", "webhooks:write"}))
        @NotNull(message = "scopes is required")
        @Size(max = 20, message = "Give at most 20 scopes (there are 8 grantable ones)")
        List<String> scopes,
        @Schema(description = "The client's company: required for ops tokens; a company admin's token names its own",
                maxLength = ApiClients.MAX_COMPANY_LENGTH, example = "demo-company")
        @JsonProperty("company_id") String companyId) {
}
