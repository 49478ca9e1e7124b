package io.followup.apiclients;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** An API client as the admin API shows it: never its secret. */
public record ApiClientResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3f9a1c0e5b7d2a4c6e8f0b1d")
        @JsonProperty("client_id") String clientId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Acme collections sync") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "demo-company") @JsonProperty("company_id") String companyId,
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Granted scopes, sorted"),
                schema = @Schema(example = "debts:read"))
        List<String> scopes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("created_at") Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "Last secret rotation; null if never")
        @JsonProperty("secret_rotated_at") Instant secretRotatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                description = "Until when the secret before the last rotation still works; null if it no longer does")
        @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "Last token issued; null if none yet")
        @JsonProperty("last_used_at") Instant lastUsedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "When it was revoked; null while active")
        @JsonProperty("revoked_at") Instant revokedAt) {

    static ApiClientResponse from(StoredClient client) {
        return new ApiClientResponse(client.getClientId(), client.getName(), client.getCompanyId(), List.copyOf(client.getScopes()),
                client.getCreatedAt(), client.getSecretRotatedAt(), client.getPreviousSecretExpiresAt(), client.getLastUsedAt(),
                client.getRevokedAt());
    }
}
