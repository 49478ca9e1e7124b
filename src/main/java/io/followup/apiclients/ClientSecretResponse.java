package io.followup.apiclients;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** An API client with its new secret: the answer of a create and of a rotation, the only ones that show a secret. */
public record ClientSecretResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3f9a1c0e5b7d2a4c6e8f0b1d")
        @JsonProperty("client_id") String clientId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Shown only in this answer; store it now",
                example = "q2Zk8Xr0VtA4mB7nC1dE5fG9hJ3kL6pR2sT8uW0yZxQ")
        @JsonProperty("client_secret") String clientSecret,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Acme collections sync") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "demo-company") @JsonProperty("company_id") String companyId,
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Granted scopes, sorted"),
                schema = @Schema(example = "debts:read"))
        List<String> scopes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("created_at") Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @JsonProperty("secret_rotated_at") Instant secretRotatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                description = "Until when the secret this one replaced still works; null if it stopped at once (or on a create)")
        @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @JsonProperty("last_used_at") Instant lastUsedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @JsonProperty("revoked_at") Instant revokedAt) {

    static ClientSecretResponse from(IssuedClient issued) {
        ApiClientResponse client = issued.client();
        return new ClientSecretResponse(issued.clientId(), issued.clientSecret(), client.name(), client.companyId(), client.scopes(),
                client.createdAt(), client.secretRotatedAt(), client.previousSecretExpiresAt(), client.lastUsedAt(), client.revokedAt());
    }

    @Override
    public String toString() {
        return "ClientSecretResponse[clientId=" + clientId + ", clientSecret=****]";
    }
}
