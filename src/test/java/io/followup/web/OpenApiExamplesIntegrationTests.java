package io.followup.web;

import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request examples of the served document are bodies the service accepts, as Swagger UI's
 * "Try it out" sends them. Only what must be unique or must exist is replaced: the assistant (one
 * configuration each), the external reference (unique per company) and the debt ID (a real one).
 */
class OpenApiExamplesIntegrationTests extends IntegrationTest {

    private final UUID tenant = UUID.randomUUID();
    private final String company = "company-" + UUID.randomUUID();
    private JsonNode paths;

    @BeforeEach
    void readDocument() {
        paths = api.request("GET", "/v3/api-docs").send().json().get("paths");
    }

    @Test
    void backendExamplesAreAccepted() {
        ObjectNode config = example("/backend/followup/configs", "post");
        config.put("assistant_id", UUID.randomUUID().toString());
        ApiResponse created = send("POST", "/backend/followup/configs", tokens.backend(tenant), config);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        ApiResponse updated = send("PUT", "/backend/followup/configs/" + created.json().get("id").asString(), tokens.backend(tenant),
                example("/backend/followup/configs/{id}", "put"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        ApiResponse event = send("POST", "/backend/followup/events", tokens.backend(tenant), example("/backend/followup/events", "post"));
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        assertThat(event.json().get("status").asString()).isEqualTo("processed");
    }

    @Test
    void externalExamplesAreAccepted() {
        ObjectNode debt = example("/external-api/v1/debts", "post");
        debt.put("internal_id", "INV-" + UUID.randomUUID());
        ApiResponse createdDebt = send("POST", "/external-api/v1/debts", tokens.external(company), debt);
        assertThat(createdDebt.status()).as(createdDebt.toString()).isEqualTo(201);

        ObjectNode followup = example("/external-api/v1/followups", "post");
        followup.put("debt_id", createdDebt.json().at("/data/id").asString());
        ApiResponse created = send("POST", "/external-api/v1/followups", tokens.external(company), followup);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String path = "/external-api/v1/followups/" + created.json().at("/data/id").asString();
        for (String method : new String[] {"patch", "put"}) {
            ApiResponse updated = send(method.toUpperCase(), path, tokens.external(company), example("/external-api/v1/followups/{id}", method));
            assertThat(updated.status()).as(method + " " + updated).isEqualTo(200);
        }
    }

    private ObjectNode example(String path, String method) {
        JsonNode example = paths.get(path).get(method).at("/requestBody/content/application~1json/example");
        assertThat(example.isObject()).as("example of %s %s", method, path).isTrue();
        return (ObjectNode) example.deepCopy();
    }

    private ApiResponse send(String method, String path, String token, JsonNode body) {
        return api.request(method, path).token(token).json(body.toString()).send();
    }
}
